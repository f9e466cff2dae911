/** Day ranges of the demo rebate data (prisma/seed/rebates.ts, fd-rebates.ts). */

const DAY_MS = 86_400_000;

/** Every day from `from` to `to` (UTC, both included). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}
