/** Permission-matrix and brand-isolation cases for the tradingaccounts procedures (see tests/procedure-cases.ts). */
import type { ProcedureCase } from "../procedure-cases";

export const TRADING_ACCOUNT_CASES: Record<string, ProcedureCase> = {};
