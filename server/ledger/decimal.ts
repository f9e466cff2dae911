/**
 * Money arithmetic for the ledger. Amounts are `Prisma.Decimal` or decimal strings, never `number`:
 * the column is numeric(36,18), so a value has at most 18 digits before and 18 after the point, and the
 * arithmetic below runs at 80 significant digits so no sum of such values is ever rounded.
 */
import "server-only";
import Decimal from "decimal.js";
import type { Prisma } from "../db/client";
import { AppError } from "../errors";

/** What a money path accepts. `number` is deliberately absent: a float cannot hold 0.1 exactly. */
export type Amount = Prisma.Decimal | string;

/** decimal.js defaults to 20 significant digits; 36+ are needed for numeric(36,18). */
export const Dec = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 60 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const MAX_SCALE = 18;
const MAX_INTEGER_DIGITS = 18;
const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

/**
 * Reads an amount for a money path, refusing anything that is not an exact decimal of the column's size.
 * A `number` is refused at run time too (JavaScript callers, `as any`), naming the field.
 */
export function toDec(value: unknown, field = "amount"): Dec {
  if (typeof value === "number" || typeof value === "bigint") {
    throw new AppError("VALIDATION", "tradingAccounts.errors.amountWrongType", { field, params: { field, type: typeof value } });
  }
  let d: Dec;
  if (typeof value === "string") {
    const text = value.trim();
    if (!DECIMAL_TEXT.test(text)) throw new AppError("VALIDATION", "tradingAccounts.errors.amountNotDecimal", { field, params: { field, value } });
    d = new Dec(text);
  } else if (Decimal.isDecimal(value)) {
    // Any decimal.js instance, Prisma's included (isDecimal recognises clones by their tag).
    d = new Dec((value as Decimal).toFixed());
  } else {
    throw new AppError("VALIDATION", "tradingAccounts.errors.amountNotDecimalValue", { field, params: { field } });
  }
  if (!d.isFinite()) throw new AppError("VALIDATION", "tradingAccounts.errors.amountNotFinite", { field, params: { field } });
  if (d.decimalPlaces() > MAX_SCALE) throw new AppError("VALIDATION", "tradingAccounts.errors.amountTooPrecise", { field, params: { field, max: MAX_SCALE } });
  if (d.abs().gte(new Dec(10).pow(MAX_INTEGER_DIGITS))) throw new AppError("VALIDATION", "tradingAccounts.errors.amountTooLarge", { field, params: { field } });
  return d;
}

/** Plain decimal text without exponent or trailing zeros ("12.5", "0", "-3"): what the wire carries. */
export const decText = (d: Dec | Prisma.Decimal): string => {
  const text = new Dec(d.toFixed()).toFixed();
  return text === "-0" ? "0" : text;
};

export const sumDec = (values: readonly (Dec | Prisma.Decimal | string)[]): Dec =>
  values.reduce<Dec>((acc, v) => acc.plus(typeof v === "string" ? v : v.toFixed()), ZERO);
