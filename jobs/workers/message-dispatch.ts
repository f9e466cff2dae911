/**
 * message-dispatch (every 5 s): automatic messages out, scheduled messages started, stalled fan-outs
 * resumed, "mark all read" written behind (server/messages/dispatch.ts). Every step is idempotent.
 */
import type { Db } from "@/server/db/client";
import { dispatchMessages, type DispatchSummary } from "@/server/messages/dispatch";
import { enqueue, ZMessageDispatchPayload } from "@/server/queues/registry";

export async function processMessageDispatch(data: unknown, db: Db): Promise<DispatchSummary> {
  ZMessageDispatchPayload.parse(data);
  return dispatchMessages({
    db,
    enqueueFanout: async (message, attempt) => {
      await enqueue("message-fanout", { brandId: message.brandId, messageId: message.id }, { jobId: `message-fanout.${message.id}.${attempt}` });
    },
  });
}
