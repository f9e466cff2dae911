/**
 * message-fanout: one message to its audience (server/messages/fanout.ts) — the snapshot if sending has
 * not started, then the remaining chunks, reporting progress to the jobs page. Running it twice, or after
 * a crash, delivers what is left and nothing twice. On its last failed attempt the message is marked
 * failed, to be resumed from the message's page.
 */
import type { Job } from "bullmq";
import type { Db } from "@/server/db/client";
import { deliver, takeSnapshot, type DeliverProgress } from "@/server/messages/fanout";
import { ZMessageFanoutPayload } from "@/server/queues/registry";

export async function processMessageFanout(data: unknown, db: Db, job?: Pick<Job, "updateProgress" | "attemptsMade" | "opts">): Promise<DeliverProgress> {
  const { messageId } = ZMessageFanoutPayload.parse(data);
  try {
    await takeSnapshot(db, messageId);
    return await deliver(db, messageId, async (delivered, recipients) => {
      await job?.updateProgress(recipients ? Math.floor((delivered / recipients) * 100) : 0);
    });
  } catch (error) {
    const last = job && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (last) {
      const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await db.message.updateMany({ where: { id: messageId, status: { in: ["scheduled", "sending"] } }, data: { status: "failed", failure: reason } }).catch(() => undefined);
    }
    throw error;
  }
}
