/** Helpers of the automatic-message integration tests: send what the domains queued, read a customer's inbox. */
import { expect } from "vitest";
import { systemActor, type BrandContext } from "@/server/actor";
import { db } from "@/server/db/client";
import { sendAutomaticMessages } from "@/server/messages/automatic";
import type { AutomaticEventKey } from "@/server/messages/events";
import { listInbox } from "@/server/messages/inbox";

/** The message-dispatch job's first step, run until nothing is left (earlier tests' messages included). */
export async function sendQueued(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { sent, cancelled } = await sendAutomaticMessages(db);
    if (sent + cancelled === 0) return;
  }
  expect.fail("automatic messages kept coming");
}

export const brandContext = (brandId: string): BrandContext => ({ db, actor: systemActor("test"), tenantId: brandId, request: { ip: null, userAgent: null } });

/** The customer's inbox as their app reads it: title, body and language of each message, newest first. */
export async function inboxOf(brandId: string, customerId: string) {
  const page = await listInbox(brandContext(brandId), customerId, { limit: 50 });
  return page.data.map((m) => ({ title: m.title, body: m.body, locale: m.locale }));
}

/** The customer's automatic messages of one event (any status), to count them. */
export const messagesOf = (customerId: string, event: AutomaticEventKey) =>
  db.message.findMany({ where: { customerId, event, source: "automatic" }, select: { id: true, status: true, eventRef: true, vars: true } });
