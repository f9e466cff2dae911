/** Permission-matrix and brand-isolation cases for the apikeys procedures (see tests/procedure-cases.ts). */
import type { ProcedureCase } from "../procedure-cases";

export const APIKEY_CASES: Record<string, ProcedureCase> = {};
