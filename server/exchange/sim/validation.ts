/**
 * Request parameters and seed 001's rules for them. A handler declares its parameters once:
 *   const p = parse(params, { subAcct: required(isSubAcctName), limit: optional(isLimit) });
 * Missing or "" required → 50014 "Parameter {name} can not be empty"; present but invalid →
 * 51000 "Parameter {name} error". Checked in declaration order; unknown parameters are ignored
 * (clients add their own, e.g. okx-api's `tag`).
 */
import "server-only";
import { isIP } from "node:net";
import { paramEmpty, paramError } from "./errors";

/** Parameter values as strings; "" and null count as absent, like at OKX. */
export type RawParams = ReadonlyMap<string, string>;

export function paramsFromQuery(query: string): RawParams {
  const map = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(query)) if (!map.has(k) && v !== "") map.set(k, v);
  return map;
}

/** JSON body fields; numbers and booleans become strings (OKX accepts both), objects keep their JSON text. */
export function paramsFromBody(body: Record<string, unknown>): RawParams {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(body)) {
    if (v === null || v === undefined || v === "") continue;
    map.set(k, typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v));
  }
  return map;
}

type Check = (value: string) => boolean;
type Field<T> = (raw: string | undefined, name: string) => T;

const anything: Check = () => true;

export const required =
  (check: Check = anything): Field<string> =>
  (raw, name) => {
    if (raw === undefined) throw paramEmpty(name);
    if (!check(raw)) throw paramError(name);
    return raw;
  };

export const optional =
  (check: Check = anything): Field<string | undefined> =>
  (raw, name) => {
    if (raw !== undefined && !check(raw)) throw paramError(name);
    return raw;
  };

export function parse<S extends Record<string, Field<unknown>>>(params: RawParams, spec: S): { [K in keyof S]: ReturnType<S[K]> } {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) out[name] = field(params.get(name), name);
  return out as { [K in keyof S]: ReturnType<S[K]> };
}

// ── Rules (seed 001) ──────────────────────────────────────────────────────────────────────────────────

export const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v);

/** 6–20 letters and digits, case-sensitive, no spaces or symbols. */
export const isSubAcctName: Check = (v) => /^[A-Za-z0-9]{6,20}$/.test(v);

/** At most 50 letters or digits. */
export const isLabel: Check = (v) => /^[A-Za-z0-9]{1,50}$/.test(v);

/** 8–32 characters with at least one digit, one upper-case, one lower-case letter and one special character. */
export const isPassphrase: Check = (v) =>
  /^[\x21-\x7e]{8,32}$/.test(v) && /\d/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /[^A-Za-z0-9]/.test(v);

/** Up to 20 IPv4/IPv6 addresses separated by half-width commas. */
export const isIpList: Check = (v) => {
  const ips = v.split(",").map((s) => s.trim());
  return ips.length <= 20 && ips.every((ip) => isIP(ip) !== 0) && new Set(ips).size === ips.length;
};

export const PERMS = ["read_only", "trade", "withdraw"] as const;

/** Comma list of read_only / trade / withdraw. */
export const isPermList: Check = (v) => v.split(",").every((p) => (PERMS as readonly string[]).includes(p.trim()));

/** "read_only" is always granted and cannot be removed: "trade" → "read_only,trade". */
export function normalizePerm(perm: string | undefined): string {
  const given = new Set((perm ?? "").split(",").map((p) => p.trim()));
  return PERMS.filter((p) => p === "read_only" || given.has(p)).join(",");
}

export const normalizeIps = (ip: string | undefined) => (ip ?? "").split(",").map((s) => s.trim()).filter(Boolean).join(",");

/** Upper-case only (seed: "仅支持大写"). */
export const isCcy: Check = (v) => /^[A-Z0-9]{1,20}$/.test(v);

/** One currency, or up to 20 separated by half-width commas (asset/currencies). */
export const isCcyList: Check = (v) => {
  const list = v.split(",");
  return list.length <= 20 && list.every((c) => isCcy(c.trim()));
};

export const isAcctLv = oneOf("1", "2", "3", "4");
/** 6 funding account, 18 trading account. */
export const isTo = oneOf("6", "18");
/** 1 normal, 2 SegWit (BTC and LTC only — checked by the handler). */
export const isAddrType = oneOf("1", "2");
export const isBrokerType = oneOf("api", "oauth");
export const isTrueFalse = oneOf("true", "false");

/** Millisecond Unix timestamp. */
export const isMs: Check = (v) => /^\d{1,16}$/.test(v);

export const isPositiveInt = (max: number): Check => (v) => /^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= max;
/** Page size: 1–100 (OKX's maximum for these endpoints). */
export const isLimit = isPositiveInt(100);
export const isPage = isPositiveInt(1_000_000);

export const isDecimal: Check = (v) => /^-?\d{1,20}(\.\d{1,18})?$/.test(v);

/** YYYYMMDD that is a real calendar date. */
export const isDate: Check = (v) => {
  if (!/^\d{8}$/.test(v)) return false;
  const d = new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(4, 6)) - 1, Number(v.slice(6, 8))));
  return d.getUTCFullYear() === Number(v.slice(0, 4)) && d.getUTCMonth() + 1 === Number(v.slice(4, 6)) && d.getUTCDate() === Number(v.slice(6, 8));
};

/** 00:00 UTC of a YYYYMMDD date, in ms. */
export const dateMs = (v: string) => Date.UTC(Number(v.slice(0, 4)), Number(v.slice(4, 6)) - 1, Number(v.slice(6, 8)));

/** YYYYMMDD of a ms timestamp (UTC). */
export const msDate = (ms: number) => new Date(ms).toISOString().slice(0, 10).replaceAll("-", "");

/** begin ≤ end, both YYYYMMDD (already checked); a reversed range is an error of `end`. */
export function checkRange(begin: string, end: string) {
  if (begin > end) throw paramError("end");
}

/**
 * A range whose end day is exclusive (DMA trading files): end after begin and at most `maxDays` days
 * later, else an error of `end` as checkRange gives.
 */
export function checkExclusiveRange(begin: string, end: string, maxDays: number) {
  if (end <= begin || dateMs(end) - dateMs(begin) > maxDays * 86_400_000) throw paramError("end");
}
