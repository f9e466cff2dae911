/** Permission-matrix and brand-isolation cases for the system health page (see tests/procedure-cases.ts). */
import { expect } from "vitest";
import type { ProcedureCase } from "../procedure-cases";

export const HEALTH_CASES: Record<string, ProcedureCase> = {
  "health.overview": {
    input: () => undefined,
    // Brand staff see their own brand's freshness, never another's, and no dependency error text.
    isolation: async (f, call) => {
      const overview = (await call("health.overview")) as { scope: string; brands: { brandId: string }[]; postgres: { error: string | null } };
      expect(overview.scope).toBe("brand");
      expect(overview.brands.map((b) => b.brandId)).toEqual([f.brandA.id]);
      expect(overview.postgres.error).toBeNull();
    },
  },
};
