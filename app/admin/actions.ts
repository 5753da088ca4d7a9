"use server";

import { adminAction } from "@/lib/action";
import { requestAggregationSchema, requestMetricsAggregation } from "@/lib/admin/metrics/request-aggregation";

export const aggregateMetricsNowAction = adminAction(
  { name: "aggregate metrics now", schema: requestAggregationSchema, successMessage: "Aggregation queued. The figures refresh when it finishes." },
  async ({ tx, session, input }) => {
    await requestMetricsAggregation(tx, session.user.id, input);
  },
);
