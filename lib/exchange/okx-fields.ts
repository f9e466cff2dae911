/**
 * OKX field rules that both the exchange client's parameter schemas (server/exchange/okx/params.ts) and
 * the portal's forms check, so the browser refuses what the exchange would refuse. Client-safe.
 */
import { z } from "zod";

/** A sub-account name: 6–20 letters and digits, case-sensitive, no spaces or symbols (seed 001). */
export const subAcct = z.string().regex(/^[A-Za-z0-9]{6,20}$/, { error: "subAcct must be 6-20 letters and digits" });
