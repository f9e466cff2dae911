/**
 * What the exchange actions of a risk limit share: the words of a failure (the exchange's code and
 * message when it answered) and the exchange-action services' results as per-item results.
 */
import "server-only";
import { AppError } from "../../errors";
import { isOkxError } from "../../exchange/okx";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import type { ExchangeActionResult } from "@/lib/exchange-actions/types";
import type { ItemResult } from "./types";

const english = createTranslator("en");

/** A failure in words a person can act on: OKX's code and message, or the refusal's English text. */
export function failureText(e: unknown): string {
  const okx = isOkxError(e) ? e : e instanceof AppError && isOkxError(e.cause) ? e.cause : null;
  if (okx) return `${okx.code}${okx.msg ? ` ${okx.msg}` : ""}`.slice(0, 500);
  return (e instanceof Error ? e.message : String(e)).slice(0, 500);
}

/**
 * Each order or position of a cancel-all / close-all as an item (done → applied, no longer open →
 * skipped, failed or outcome unknown → failed with the exchange's words); each sub-account it could not
 * reach → failed with why; each reached sub-account with nothing open → skipped with `nothingOpen`.
 */
export function itemsOf(result: ExchangeActionResult, subs: { id: string; subAcct: string }[], nothingOpen: `risk.items.${string}`): ItemResult[] {
  const items: ItemResult[] = result.items.map((i) => {
    const id = i.kind === "order" ? `${i.subAcct}/${i.instId}/${i.ordId}` : `${i.subAcct}/${i.instId}/${i.mgnMode}/${i.posSide}`;
    const words = [i.code, i.message].filter(Boolean).join(" ");
    if (i.status === "done") return { type: i.kind, id, result: "applied" };
    if (i.status === "not_open") return { type: i.kind, id, result: "skipped", detail: "risk.items.notOpen" };
    return { type: i.kind, id, result: "failed", detail: i.status === "unknown" ? `${words} (outcome unknown)`.trim() : words || "failed" };
  });
  for (const s of result.skipped) items.push({ type: "subaccount", id: s.subAcct, result: "failed", detail: english(s.reason as MessageKey, s.params) });
  const touched = new Set([...result.items.map((i) => i.subaccountId), ...result.skipped.map((s) => s.subaccountId)]);
  for (const s of subs.filter((x) => !touched.has(x.id))) items.push({ type: "subaccount", id: s.subAcct, result: "skipped", detail: nothingOpen });
  return items;
}
