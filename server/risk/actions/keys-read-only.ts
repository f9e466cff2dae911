/**
 * keys_read_only: every API key of the customer's sub-accounts (not removed) made read-only on the
 * exchange through the API-key service (api-keys/service.ts: behind the emergency stop, audited there on
 * the key as the system), each applied item remembering the key's permissions before. A key already
 * read-only is skipped, so a second run skips them all. Undo gives each key it changed exactly its old
 * permissions back — unless someone changed the key since (then it is skipped, theirs stands).
 *
 * A crash between the exchange's change and the event's record loses what the key had: the re-run sees it
 * read-only and skips it. The apikey.modify audit row (before and after, by the risk actor) still says.
 */
import "server-only";
import { modifyApiKey } from "../../api-keys/service";
import { assertExchangeMutationsAllowed } from "../../exchange-actions/mutation-guard";
import { API_KEY_PERMS, type ApiKeyPerm } from "@/lib/api-keys/rules";
import { failureText } from "./exchange-items";
import type { ItemResult, RiskAction } from "./types";

const canAct = (perms: string[]) => perms.some((p) => p !== "read_only");
const asPerms = (perms: unknown): ApiKeyPerm[] | null =>
  Array.isArray(perms) && perms.every((p) => (API_KEY_PERMS as readonly unknown[]).includes(p)) ? (perms as ApiKeyPerm[]) : null;

export const keysReadOnlyAction: RiskAction = {
  key: "keys_read_only",
  undoable: true,
  async apply(ctx, event) {
    await assertExchangeMutationsAllowed(ctx.db, ctx.tenantId);
    const keys = await ctx.db.subaccountApiKey.findMany({
      where: { brandId: ctx.tenantId, subaccount: { brandId: ctx.tenantId, customerId: event.customerId, removedAt: null } },
      select: { id: true, perms: true, version: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const items: ItemResult[] = [];
    for (const key of keys) {
      if (!canAct(key.perms)) {
        items.push({ type: "api_key", id: key.id, result: "skipped", detail: "risk.items.alreadyReadOnly" });
        continue;
      }
      try {
        await modifyApiKey(ctx, { id: key.id, version: key.version, perms: [] });
        items.push({ type: "api_key", id: key.id, result: "applied", previous: { perms: key.perms } });
      } catch (e) {
        // One key's refusal (the exchange's, a stop meanwhile) does not keep the others able to trade.
        items.push({ type: "api_key", id: key.id, result: "failed", detail: failureText(e) });
      }
    }
    return items;
  },
  async undo(ctx, _event, applied) {
    const items: ItemResult[] = [];
    for (const item of applied.filter((i) => i.type === "api_key" && i.result === "applied")) {
      const perms = asPerms(item.previous?.perms);
      const key = await ctx.db.subaccountApiKey.findFirst({ where: { id: item.id, brandId: ctx.tenantId }, select: { perms: true, version: true } });
      if (!key || !perms) {
        items.push({ type: "api_key", id: item.id, result: "skipped", detail: "risk.items.keyGone" });
        continue;
      }
      if (canAct(key.perms)) {
        items.push({ type: "api_key", id: item.id, result: "skipped", detail: "risk.items.keyChangedSince" });
        continue;
      }
      try {
        await modifyApiKey(ctx, { id: item.id, version: key.version, perms });
        items.push({ type: "api_key", id: item.id, result: "applied" });
      } catch (e) {
        items.push({ type: "api_key", id: item.id, result: "failed", detail: failureText(e) });
      }
    }
    return items;
  },
};
