/**
 * The exchange-credentials form validates with the `brand.setExchangeCredentials` input itself, so the
 * browser and the server apply the same OKX rules. Client-safe: zod only.
 */
import type { z } from "zod";
import { EXCHANGE_TEST_FAILURES, OKX_MODES, ZSetExchangeCredentialsInput } from "@/lib/brands/schemas";

export { EXCHANGE_TEST_FAILURES, OKX_MODES };
export const ZExchangeCredentialsForm = ZSetExchangeCredentialsInput;
export type ExchangeCredentialsValues = z.input<typeof ZExchangeCredentialsForm>;
export type ExchangeCredentialsOutput = z.output<typeof ZExchangeCredentialsForm>;
