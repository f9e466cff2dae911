/**
 * Permission-matrix and brand-isolation cases for the breaker procedures (see tests/procedure-cases.ts).
 * They read and reset breakers in the real Redis under the production prefix, for test brands only.
 */
import { expect } from "vitest";
import { readBreakers, redisBreaker, breakerRedis } from "@/server/exchange/okx/breaker";
import type { Fixture, ProcedureCase } from "../procedure-cases";

type Call = (path: string, input?: unknown) => Promise<unknown>;

/** Opens brand B's "deposit" breaker: five transient failures in a row. */
async function openBrandBBreaker(f: Fixture) {
  const breaker = redisBreaker(breakerRedis());
  for (let i = 0; i < 5; i++) await breaker.record({ brandId: f.brandB.id, family: "deposit" }, false);
}

export const BREAKER_CASES: Record<string, ProcedureCase> = {
  "breaker.overview": {
    input: () => undefined,
    isolation: async (f: Fixture, call: Call) => {
      await openBrandBBreaker(f);
      const mine = (await call("breaker.overview")) as { breakers: { family: string }[] };
      expect(mine.breakers.map((b) => b.family)).not.toContain("deposit");
    },
  },
  "breaker.reset": {
    input: () => ({ family: "deposit", reason: "Exchange recovered" }),
    isolation: async (f: Fixture, call: Call) => {
      await openBrandBBreaker(f);
      await call("breaker.reset", { family: "deposit", reason: "Exchange recovered" });
      const theirs = await readBreakers(breakerRedis(), f.brandB.id);
      expect(theirs.breakers.find((b) => b.family === "deposit")?.state).toBe("open");
    },
  },
};
