// POST /api/dev/test-email - queue a test email to an address: request -> outbox -> send-email job -> transport.
// Development tool: 404 wherever the dev mailbox is closed (production, or a caller other than this machine).
import { z } from "zod";
import { devMailboxOpen } from "@/lib/dev/dev-tools";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";

const testEmailSchema = z.object({ to: z.email("Enter an email address.") });

export const POST = route({ body: testEmailSchema }, async ({ body, requestId }) => {
  if (!devMailboxOpen()) throw new AppError("not_found", "Not found.");
  const eventId = await enqueueEmail(
    {
      to: body.to,
      template: "notice",
      props: { heading: "Your email pipeline works", paragraphs: [`This test email went through the outbox and the send-email job (request ${requestId}).`] },
    },
    { orgId: null, actorId: null },
  );
  return Response.json({ eventId }, { status: 202 });
});
