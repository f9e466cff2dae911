/** Permission-matrix and brand-isolation cases for the deposits procedures (see tests/procedure-cases.ts). */
import type { ProcedureCase } from "../procedure-cases";

export const DEPOSIT_CASES: Record<string, ProcedureCase> = {};
