/**
 * Deposit addresses of a sub-account (seed 001, DMA broker): create one per currency and chain, change the
 * receiving account, list them. The exchange is the source of truth; `deposit_address` keeps what it last
 * answered so the sub-account page renders without a round trip.
 *
 * The receiving account (6 funding / 18 trading) is one setting per sub-account on the exchange ("充值到账
 * 账户是一个全局设置"): every change is written to all of the sub-account's stored addresses, whichever
 * address or currency it was made through.
 *
 * Every change is audited in the transaction that stores it; a removed sub-account is refused; an exchange
 * refusal becomes a VALIDATION error naming the form field it is about.
 */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import { recordAudit } from "../audit/audit";
import type { DbTx } from "../db/client";
import { AppError, notFound, type ErrorParams } from "../errors";
import { fieldRefusal, refusedParameter, type RefusedFields } from "../exchange/field-refusals";
import { exchangeClientForBrand } from "../exchange/brand-client";
import { isOkxError, toAppError, type DepositAddress } from "../exchange/okx";
import { RECEIVING_ACCOUNTS, type ReceivingAccount, type ZAddressesInput, type ZCreateAddressInput, type ZSetReceivingAccountInput, type ZSubaccountRef } from "@/lib/deposits/schemas";
import type { AddressesResult, DepositAddressRow, SetReceivingAccountResult, StoredAddresses } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

// ── Helpers ───────────────────────────────────────────────────────────────────────────────────────

const addressSelect = {
  id: true,
  ccy: true,
  chain: true,
  addr: true,
  memo: true,
  tag: true,
  pmtId: true,
  comment: true,
  receivingAccount: true,
  selected: true,
  exchangeCreatedAt: true,
  syncedAt: true,
} as const;

const asReceiving = (v: string | null | undefined): ReceivingAccount | null =>
  v && (RECEIVING_ACCOUNTS as readonly string[]).includes(v) ? (v as ReceivingAccount) : null;

async function loadSubaccount(ctx: TenantContext, subaccountId: string) {
  const sub = await ctx.db.subaccount.findFirst({ where: { id: subaccountId, brandId: ctx.tenantId }, select: { id: true, subAcct: true, removedAt: true } });
  if (!sub) throw notFound("subAccount");
  return sub;
}

/** The sub-account, refused when the exchange no longer lists it (nothing can change there). */
async function activeSubaccount(ctx: TenantContext, subaccountId: string) {
  const sub = await loadSubaccount(ctx, subaccountId);
  if (sub.removedAt) {
    throw new AppError("CONFLICT", "deposits.errors.subaccountRemoved", { field: "subaccountId", params: { subAcct: sub.subAcct } });
  }
  return sub;
}

/**
 * The exchange's parameter names → this form's fields, with the reasons saying what a refusal of each
 * usually means (the exchange's message, or none, after it).
 */
const REFUSED_FIELD: RefusedFields = {
  subAcct: { field: "subaccountId", reason: "deposits.errors.exchangeRefused.subaccount", reasonNoMessage: "deposits.errors.exchangeRefusedNoMessage.subaccount" },
  ccy: { field: "ccy", reason: "deposits.errors.exchangeRefused.ccy", reasonNoMessage: "deposits.errors.exchangeRefusedNoMessage.ccy" },
  chain: { field: "chain", reason: "deposits.errors.exchangeRefused.chain", reasonNoMessage: "deposits.errors.exchangeRefusedNoMessage.chain" },
  addrType: { field: "addrType", reason: "deposits.errors.exchangeRefused.addrType", reasonNoMessage: "deposits.errors.exchangeRefusedNoMessage.addrType" },
  to: { field: "to", reason: "deposits.errors.exchangeRefused.to", reasonNoMessage: "deposits.errors.exchangeRefusedNoMessage.to" },
  addr: { field: "addr", reason: "deposits.errors.exchangeRefused.addr", reasonNoMessage: "deposits.errors.exchangeRefusedNoMessage.addr" },
};

/** An exchange failure as the AppError the form shows: parameter refusals name their field. */
function refusal(error: unknown): unknown {
  if (!isOkxError(error)) return error;
  if (error.kind !== "parameter") return toAppError(error);
  const onField = fieldRefusal(error, REFUSED_FIELD);
  if (onField) return onField;
  // A parameter this form has no field for: worded generally, still naming OKX's parameter.
  const params: ErrorParams = error.msg ? { code: error.code, msg: error.msg } : { code: error.code };
  const reason = error.msg ? "deposits.errors.exchangeRefused.request" : "deposits.errors.exchangeRefusedNoMessage.request";
  return new AppError("VALIDATION", reason, { field: refusedParameter(error), params, cause: error });
}

async function onExchange<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw refusal(error);
  }
}

const extras = (a: Pick<DepositAddress, "memo" | "tag" | "pmtId" | "comment">) => ({
  memo: a.memo || null,
  tag: a.tag || null,
  pmtId: a.pmtId || null,
  comment: a.comment || null,
});

type Extras = { memo?: string | null; tag?: string | null; pmtId?: string | null; comment?: string | null };
const extraOf = (a: Extras) => a.memo || a.tag || a.comment || a.pmtId || "";

/**
 * The address as stored and as sent back to the exchange: on shared-account chains (EOS memo, XRP tag,
 * TON comment, XMR payment id) many addresses share one `addr` and differ by the extra, so the stored key
 * is the seed's "address:tag" form (which the modify endpoint accepts as `addr`).
 */
const identity = (a: Extras & { addr: string }) => {
  const extra = extraOf(a);
  return extra ? `${a.addr}:${extra}` : a.addr;
};

/** The plain address of a stored row, for showing and copying beside its memo / tag. */
function toRow(r: Omit<DepositAddressRow, "address">): DepositAddressRow {
  const extra = extraOf(r);
  return { ...r, address: extra && r.addr.endsWith(`:${extra}`) ? r.addr.slice(0, -(extra.length + 1)) : r.addr };
}

/**
 * Mirrors the exchange's list of one currency's addresses: upserts each, removes stored ones it no longer
 * lists, and writes its receiving account to every address of the sub-account. Returns what changed.
 */
async function storeCurrency(tx: DbTx, brandId: string, subaccountId: string, ccy: string, listed: DepositAddress[], at: Date) {
  const before = await tx.depositAddress.findMany({ where: { subaccountId } });
  const key = (a: { ccy: string; chain: string; addr: string }) => `${a.ccy}\u0000${a.chain}\u0000${a.addr}`;
  const stored = new Map(before.map((r) => [key(r), r]));
  const keyOf = (a: DepositAddress) => key({ ccy: a.ccy, chain: a.chain, addr: identity(a) });
  const receiving = asReceiving(listed[0]?.to);
  let created = 0;
  let changed = 0;
  for (const a of listed) {
    const next = { ...extras(a), receivingAccount: a.to, selected: a.selected };
    const row = stored.get(keyOf(a));
    if (!row) created++;
    else if (
      row.memo !== next.memo ||
      row.tag !== next.tag ||
      row.pmtId !== next.pmtId ||
      row.comment !== next.comment ||
      row.receivingAccount !== next.receivingAccount ||
      row.selected !== next.selected
    ) {
      changed++;
    }
    const addr = identity(a);
    await tx.depositAddress.upsert({
      where: { subaccountId_ccy_chain_addr: { subaccountId, ccy: a.ccy, chain: a.chain, addr } },
      create: { brandId, subaccountId, ccy: a.ccy, chain: a.chain, addr, ...next, syncedAt: at },
      update: { ...next, syncedAt: at },
    });
  }
  const listedKeys = new Set(listed.map(keyOf));
  const gone = before.filter((r) => r.ccy === ccy && !listedKeys.has(key(r))).map((r) => r.id);
  const removed = gone.length ? (await tx.depositAddress.deleteMany({ where: { id: { in: gone } } })).count : 0;
  const others = receiving ? (await tx.depositAddress.updateMany({ where: { subaccountId, receivingAccount: { not: receiving } }, data: { receivingAccount: receiving } })).count : 0;
  return { created, changed: changed + others, removed, receiving, before: receivingOf(before) };
}

/** The one receiving account the stored rows show (the most recently synced row's when they disagree). */
function receivingOf(rows: { receivingAccount: string; syncedAt: Date }[]): ReceivingAccount | null {
  const newest = [...rows].sort((a, b) => b.syncedAt.getTime() - a.syncedAt.getTime())[0];
  return asReceiving(newest?.receivingAccount);
}

const currencyRows = async (tx: DbTx, subaccountId: string, ccy: string): Promise<DepositAddressRow[]> =>
  (await tx.depositAddress.findMany({ where: { subaccountId, ccy }, select: addressSelect, orderBy: [{ chain: "asc" }, { createdAt: "asc" }] })).map(toRow);

// ── Procedures ────────────────────────────────────────────────────────────────────────────────────

/** What is stored for the sub-account: the panel's first render, no exchange call. */
export async function storedAddresses(ctx: TenantContext, input: In<typeof ZSubaccountRef>): Promise<StoredAddresses> {
  const sub = await loadSubaccount(ctx, input.subaccountId);
  const rows = await ctx.db.depositAddress.findMany({
    where: { subaccountId: sub.id, brandId: ctx.tenantId },
    select: addressSelect,
    orderBy: [{ ccy: "asc" }, { chain: "asc" }, { createdAt: "asc" }],
  });
  return { subaccount: { id: sub.id, subAcct: sub.subAcct, removed: sub.removedAt !== null }, receivingAccount: receivingOf(rows), rows: rows.map(toRow) };
}

/**
 * Reads one currency's addresses from the exchange and stores them (audited when anything changed), so
 * the list shows the exchange's answer, including addresses made outside Brokerdesk.
 */
export async function refreshAddresses(ctx: TenantContext, input: In<typeof ZAddressesInput>): Promise<AddressesResult> {
  const sub = await activeSubaccount(ctx, input.subaccountId);
  const client = await exchangeClientForBrand(ctx.db, ctx.tenantId);
  const listed = await onExchange(() => client.getDepositAddresses({ subAcct: sub.subAcct, ccy: input.ccy }));
  return ctx.db.$transaction(async (tx) => {
    const r = await storeCurrency(tx, ctx.tenantId, sub.id, input.ccy, listed, new Date());
    if (r.created || r.changed || r.removed) {
      await recordAudit(tx, ctx, {
        brandId: ctx.tenantId,
        action: "deposit_address.refresh",
        entityType: "subaccount",
        entityId: sub.id,
        after: { subAcct: sub.subAcct, ccy: input.ccy, listed: listed.length, created: r.created, changed: r.changed, removed: r.removed, receivingAccount: r.receiving },
      });
    }
    const rows = await currencyRows(tx, sub.id, input.ccy);
    return { ccy: input.ccy, receivingAccount: r.receiving ?? r.before, rows };
  });
}

/**
 * Creates a deposit address on the exchange (main chain unless one is named; a given receiving account
 * becomes the sub-account's setting), then reads the currency's list back so `selected` and the receiving
 * account are the exchange's own. Returns the new address.
 */
export async function createAddress(ctx: TenantContext, input: In<typeof ZCreateAddressInput>): Promise<DepositAddressRow> {
  const sub = await activeSubaccount(ctx, input.subaccountId);
  const client = await exchangeClientForBrand(ctx.db, ctx.tenantId);
  const made = await onExchange(() =>
    client.createDepositAddress({ subAcct: sub.subAcct, ccy: input.ccy, chain: input.chain, addrType: input.addrType, to: input.to }),
  );
  // The address exists now whatever happens next; if the read-back fails, store it from the create answer.
  let listed: DepositAddress[] | null = null;
  try {
    listed = await client.getDepositAddresses({ subAcct: sub.subAcct, ccy: made.ccy });
  } catch {
    listed = null;
  }

  return ctx.db.$transaction(async (tx) => {
    const at = new Date();
    let receiving: ReceivingAccount | null;
    const addr = identity(made);
    if (listed?.some((a) => identity(a) === addr && a.chain === made.chain)) {
      receiving = (await storeCurrency(tx, ctx.tenantId, sub.id, made.ccy, listed, at)).receiving;
    } else {
      const current = receivingOf(await tx.depositAddress.findMany({ where: { subaccountId: sub.id }, select: { receivingAccount: true, syncedAt: true } }));
      receiving = asReceiving(made.to) ?? input.to ?? current ?? "6";
      const fields = { ...extras(made), receivingAccount: receiving, selected: true };
      await tx.depositAddress.upsert({
        where: { subaccountId_ccy_chain_addr: { subaccountId: sub.id, ccy: made.ccy, chain: made.chain, addr } },
        create: { brandId: ctx.tenantId, subaccountId: sub.id, ccy: made.ccy, chain: made.chain, addr, ...fields, syncedAt: at },
        update: { ...fields, syncedAt: at },
      });
      await tx.depositAddress.updateMany({ where: { subaccountId: sub.id, receivingAccount: { not: receiving } }, data: { receivingAccount: receiving } });
    }
    const row = toRow(
      await tx.depositAddress.update({
        where: { subaccountId_ccy_chain_addr: { subaccountId: sub.id, ccy: made.ccy, chain: made.chain, addr } },
        data: { exchangeCreatedAt: made.ts },
        select: addressSelect,
      }),
    );
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "deposit_address.create",
      entityType: "deposit_address",
      entityId: row.id,
      after: { subaccountId: sub.id, subAcct: sub.subAcct, ccy: row.ccy, chain: row.chain, addr: row.addr, addrType: input.addrType ?? "1", receivingAccount: receiving },
    });
    return row;
  });
}

/**
 * Changes where the sub-account's deposits are credited (6 funding, 18 trading). The exchange takes it
 * through one address but applies it to all of them, and so does the stored copy.
 */
export async function setReceivingAccount(ctx: TenantContext, input: In<typeof ZSetReceivingAccountInput>): Promise<SetReceivingAccountResult> {
  const sub = await activeSubaccount(ctx, input.subaccountId);
  const client = await exchangeClientForBrand(ctx.db, ctx.tenantId);
  const res = await onExchange(() => client.modifyDepositAddress({ subAcct: sub.subAcct, ccy: input.ccy, chain: input.chain, addr: input.addr, to: input.to }));
  const receiving = asReceiving(res.to) ?? input.to;

  return ctx.db.$transaction(async (tx) => {
    const before = receivingOf(await tx.depositAddress.findMany({ where: { subaccountId: sub.id }, select: { receivingAccount: true, syncedAt: true } }));
    const at = new Date();
    // The address it went through may not be stored yet (made outside Brokerdesk): keep it.
    const addr = identity(res);
    await tx.depositAddress.upsert({
      where: { subaccountId_ccy_chain_addr: { subaccountId: sub.id, ccy: res.ccy, chain: res.chain, addr } },
      create: { brandId: ctx.tenantId, subaccountId: sub.id, ccy: res.ccy, chain: res.chain, addr, ...extras(res), receivingAccount: receiving, syncedAt: at },
      update: { receivingAccount: receiving, syncedAt: at },
    });
    const all = await tx.depositAddress.updateMany({ where: { subaccountId: sub.id }, data: { receivingAccount: receiving } });
    await recordAudit(tx, ctx, {
      brandId: ctx.tenantId,
      action: "deposit_address.set_receiving_account",
      entityType: "subaccount",
      entityId: sub.id,
      before: { receivingAccount: before },
      after: { subAcct: sub.subAcct, receivingAccount: receiving, via: { ccy: res.ccy, chain: res.chain, addr }, addresses: all.count },
    });
    return { receivingAccount: receiving, addresses: all.count };
  });
}
