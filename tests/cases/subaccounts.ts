/** Permission-matrix and brand-isolation cases for the subaccounts procedures (see tests/procedure-cases.ts). */
import type { ProcedureCase } from "../procedure-cases";

export const SUBACCOUNT_CASES: Record<string, ProcedureCase> = {};
