/**
 * Formats ledger amounts from their decimal strings without ever turning them into a float: digits are
 * grouped by string, so 0.1 + 0.2 shown here is what the database holds, to the last of 18 decimals.
 */

/** "1234567.5" → "1,234,567.50"; at least `minDecimals` decimals, every significant one kept. */
export function formatAmount(value: string, options: { minDecimals?: number; signed?: boolean; group?: string; point?: string } = {}): string {
  const { minDecimals = 2, signed = false, group = ",", point = "." } = options;
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, intRaw, fracRaw = ""] = match;
  const int = intRaw.replace(/^0+(?=\d)/, "");
  const frac = fracRaw.replace(/0+$/, "").padEnd(minDecimals, "0");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  const prefix = zero ? "" : sign === "-" ? "−" : signed ? "+" : "";
  return `${prefix}${grouped}${frac ? `${point}${frac}` : ""}`;
}

/** Whether a decimal string is below zero (for colouring), by its sign and digits alone. */
export const isNegativeAmount = (value: string) => /^-/.test(value.trim()) && /[1-9]/.test(value);
