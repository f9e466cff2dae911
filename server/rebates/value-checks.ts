/** Checks of one CSV value as the exchange writes it, shared by the file kinds (./kinds-*.ts). */
import type { ImportBrand, RebateRowReason } from "./kinds";

/** A value matching `regex`, required. */
export const pattern =
  (regex: RegExp) =>
  (v: string): RebateRowReason | null =>
    v === "" ? "missing" : regex.test(v) ? null : "invalid";
const DECIMAL = /^-?[0-9]{1,18}(\.[0-9]+)?$/;
/** A decimal as OKX writes it: optional sign, digits, optional fraction; no exponent, NaN or Infinity. */
export const decimal =
  (scale = 18) =>
  (v: string): RebateRowReason | null => {
    if (v === "") return "missing";
    if (!DECIMAL.test(v)) return "invalid";
    const dot = v.indexOf(".");
    return dot >= 0 && v.length - dot - 1 > scale ? "tooPrecise" : null;
  };
const EPOCH_MS = /^[0-9]{13}$/;
/** Milliseconds since the epoch, between 2017 (OKX's V5 did not exist before) and 2100. */
export const epochMs = (v: string): RebateRowReason | null => {
  if (v === "") return "missing";
  if (!EPOCH_MS.test(v)) return "invalid";
  const n = Number(v);
  return n < 1483228800000 || n >= 4102444800000 ? "outOfRange" : null;
};
export const SUB_ACCT = pattern(/^[A-Za-z0-9]{1,32}$/);
export const DIGITS = pattern(/^[0-9]{1,32}$/);

/** An OKX instrument id: BTC-USDT, BTC-USDT-SWAP, BTC-USD-250627, BTC-USD-250627-100000-C. */
export const INST_ID = pattern(/^[A-Z0-9]{1,20}(-[A-Z0-9.]{1,20}){1,4}$/);
/** "true" or "false", as OKX writes a flag. */
export const BOOLEAN = pattern(/^(true|false)$/);
/**
 * The broker code of the brand the file is imported for: a row of another broker — or any row, when the
 * brand has no broker code — is refused.
 */
export const brandBrokerCode = (v: string, brand: ImportBrand): RebateRowReason | null => {
  if (v === "") return "missing";
  return brand.brokerCode !== null && v === brand.brokerCode ? null : "otherBroker";
};
