/**
 * Reference data (seed 003 B-end "产品相关接口" and "字典信息查询"): the trading-account types ("products")
 * and currencies a customer can hold, and every code the other endpoints answer with, labelled in English
 * and Chinese from the portal's own dictionaries.
 */
import "server-only";
import { z } from "zod";
import { CUSTOMER_LANGUAGES, CUSTOMER_STATUSES, KYC_LEVELS, REGISTRATION_SOURCES } from "@/lib/customers/schemas";
import { BONUS_GRANT_STATUSES } from "@/lib/bonuses/schemas";
import { FUND_LOCK_DIRECTIONS } from "@/lib/fund-locks/schemas";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { COMMON_CURRENCIES, TRADING_ACCOUNT_STATUSES, TRADING_ACCOUNT_TYPES } from "@/lib/ledger/schemas";
import { endpoint } from "../registry";

const TAG = "Reference data";
const en = createTranslator("en");
const zh = createTranslator("zh-CN");

const ZEntry = z
  .object({ code: z.string(), label: z.object({ en: z.string(), "zh-CN": z.string() }) })
  .meta({ id: "DictionaryEntry", description: "A code and its label in English and Chinese." });

const entries = (codes: readonly string[], key: (code: string) => string, vars?: (code: string) => Record<string, string>) =>
  codes.map((code) => ({ code, label: { en: en(key(code) as MessageKey, vars?.(code)), "zh-CN": zh(key(code) as MessageKey, vars?.(code)) } }));

const DICTIONARIES = {
  customerStatuses: entries(CUSTOMER_STATUSES, (c) => `customers.status.${c}`),
  registrationSources: entries(REGISTRATION_SOURCES, (c) => `customers.sources.${c}`),
  languages: entries(CUSTOMER_LANGUAGES, (c) => `customers.languages.${c}`),
  kycLevels: entries(KYC_LEVELS, () => "customers.kycLevel.label", (level) => ({ level })),
  accountTypes: entries(TRADING_ACCOUNT_TYPES, (c) => `fundLocks.accountTypes.${c}`),
  accountStatuses: entries(TRADING_ACCOUNT_STATUSES, (c) => `tradingAccounts.statuses.${c}`),
  lockDirections: entries(FUND_LOCK_DIRECTIONS, (c) => `fundLocks.directions.${c}`),
  bonusGrantStatuses: entries(BONUS_GRANT_STATUSES, (c) => `bonuses.grantStatuses.${c}`),
};

export const referenceEndpoints = [
  endpoint({
    operationId: "listProducts",
    method: "GET",
    path: "/products",
    group: "reference",
    access: "read",
    tag: TAG,
    summary: "Trading-account types and their currencies",
    description: "The kinds of trading account a customer can hold (spot, margin, …) and the currencies each is offered in.",
    response: z
      .object({
        data: z.array(
          z
            .object({ type: z.enum(TRADING_ACCOUNT_TYPES), label: ZEntry.shape.label, currencies: z.array(z.string()), demoAvailable: z.boolean() })
            .meta({ id: "Product" }),
        ),
      })
      .meta({ id: "ProductList" }),
    handler: async () => ({
      data: DICTIONARIES.accountTypes.map((t) => ({ type: t.code as (typeof TRADING_ACCOUNT_TYPES)[number], label: t.label, currencies: [...COMMON_CURRENCIES], demoAvailable: true })),
    }),
  }),
  endpoint({
    operationId: "listCurrencies",
    method: "GET",
    path: "/currencies",
    group: "reference",
    access: "read",
    tag: TAG,
    summary: "Currencies trading accounts are offered in",
    response: z.object({ data: z.array(z.string()) }).meta({ id: "CurrencyList" }),
    handler: async () => ({ data: [...COMMON_CURRENCIES] }),
  }),
  endpoint({
    operationId: "getDictionaries",
    method: "GET",
    path: "/dictionaries",
    group: "reference",
    access: "read",
    tag: TAG,
    summary: "Every code the API answers with, labelled",
    response: z.object(Object.fromEntries(Object.keys(DICTIONARIES).map((k) => [k, z.array(ZEntry)])) as Record<keyof typeof DICTIONARIES, z.ZodArray<typeof ZEntry>>).meta({ id: "Dictionaries" }),
    handler: async () => DICTIONARIES,
  }),
];
