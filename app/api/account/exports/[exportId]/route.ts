import { z } from "zod";
import { findDownloadableExport } from "@/lib/account/exports";
import { AppError } from "@/lib/errors";
import { userRoute } from "@/lib/route";

// GET /api/account/exports/{exportId} - download one of my data exports (ready and not expired; anything else is 404)
export const GET = userRoute({}, async ({ session, params }) => {
  const id = z.uuid().safeParse(params.exportId);
  const found = id.success ? await findDownloadableExport(session.user.id, id.data) : null;
  if (!found) throw new AppError("not_found", "Not found.");
  return new Response(JSON.stringify(found.payload, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="keel-data-${found.createdAt.toISOString().slice(0, 10)}.json"`,
      "cache-control": "private, no-store",
    },
  });
});
