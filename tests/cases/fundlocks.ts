/** Permission-matrix and brand-isolation cases for the fundlocks procedures (see tests/procedure-cases.ts). */
import type { ProcedureCase } from "../procedure-cases";

export const FUND_LOCK_CASES: Record<string, ProcedureCase> = {};
