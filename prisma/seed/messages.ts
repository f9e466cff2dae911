/**
 * Demo messages for each brand, written by its marketing account through the message services: a template,
 * a saved segment (active VIP-group customers), a message to everyone delivered at once (the fan-out done
 * here, as the worker would), with a share of it read, and a message scheduled for tomorrow. Idempotent:
 * a brand that has any message from staff is left alone.
 */
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "../../server/db/client";
import { deliver, takeSnapshot } from "../../server/messages/fanout";
import { createSegment } from "../../server/messages/segments";
import { sendMessage } from "../../server/messages/send";
import { createTemplate } from "../../server/messages/templates";
import { DEMO_BRANDS } from "../demo-accounts";

const WELCOME = {
  en: { title: "Welcome to {{name}}'s new trading account", body: "Hello {{name}}, your account {{uid}} is ready. Deposit and start trading today." },
  "zh-CN": { title: "欢迎开通交易账户", body: "{{name}}，您好：您的账户 {{uid}} 已开通，今天就可以充值交易。" },
};
const YEAR_END = {
  en: { title: "Year-end fee holiday", body: "Hello {{name}}, spot trading fees are waived from 24 to 31 December." },
  "zh-CN": { title: "年终免手续费", body: "{{name}}，您好：12 月 24 日至 31 日现货交易免手续费。" },
};
const MAINTENANCE = {
  en: { title: "Scheduled maintenance", body: "Trading pauses on Saturday from 02:00 to 03:00 UTC for maintenance." },
  "zh-CN": { title: "系统维护通知", body: "周六 UTC 02:00–03:00 系统维护，期间暂停交易。" },
};

export async function seedMessages(db: Db): Promise<string> {
  const lines: string[] = [];
  for (const { slug } of DEMO_BRANDS) {
    const brand = await db.brand.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    if (await db.message.count({ where: { brandId: brand.id, source: "portal" } })) {
      lines.push(`${slug} kept`);
      continue;
    }
    const m = await db.staffUser.findUniqueOrThrow({ where: { email: `marketing@${slug}.demo` }, select: { id: true, email: true, name: true, role: true, brandId: true } });
    const actor = { type: "staff", id: m.id, email: m.email, name: m.name, role: m.role as Role, brandId: m.brandId, sessionId: "" } as const;
    const ctx = { db, actor, tenantId: brand.id, request: { ip: null, userAgent: "brokerdesk demo seed" } };

    await createTemplate(ctx, { name: "Welcome", type: "marketing", content: WELCOME });
    const vip = await db.customerGroup.findFirst({ where: { brandId: brand.id, name: "VIP" }, select: { id: true } });
    if (vip) await createSegment(ctx, { name: "Active VIPs", filter: { status: ["active"], group: [vip.id] } });

    // Below the brand's approval threshold, so it goes out without a checker; delivered here as the worker would.
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const sent = await sendMessage(ctx, { type: "marketing", content: YEAR_END, audience: { kind: "everyone" }, scheduledAt: new Date(Date.now() + 60_000) });
    await db.message.update({ where: { id: sent.id }, data: { scheduledAt: new Date() } });
    await takeSnapshot(db, sent.id);
    await deliver(db, sent.id);
    // About a third of the customers opened it.
    await db.$executeRaw`UPDATE message_delivery SET read_at = delivered_at + interval '2 hours' * (1 + abs(hashtext(customer_id::text)) % 20)
      WHERE message_id = ${sent.id}::uuid AND abs(hashtext(customer_id::text)) % 3 = 0`;
    await sendMessage(ctx, { type: "system", content: MAINTENANCE, audience: { kind: "everyone" }, scheduledAt: tomorrow });
    lines.push(`${slug} ${sent.estimatedCount} recipients`);
  }
  return `messages: ${lines.join(", ")}`;
}
