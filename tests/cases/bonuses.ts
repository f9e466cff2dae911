/** Permission-matrix and brand-isolation cases for the bonus procedures (see tests/procedure-cases.ts). */
import type { ProcedureCase } from "../procedure-cases";

export const BONUS_CASES: Record<string, ProcedureCase> = {};
