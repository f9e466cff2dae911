/**
 * Permission-matrix and brand-isolation cases for the emergency-stop procedures (see
 * tests/procedure-cases.ts). Each trigger case clears the scope's stop first and each reset case makes
 * one, so every allowed role's call succeeds; after every test of a file importing these cases, any stop
 * left active is reset, so no other procedure's case meets it.
 */
import { afterEach, expect } from "vitest";
import { db } from "@/server/db/client";
import type { Fixture, ProcedureCase } from "../procedure-cases";
import { enrolTotp } from "./api-keys";

type Call = (path: string, input?: unknown) => Promise<unknown>;

afterEach(async () => {
  await db.emergencyStop.updateMany({ where: { resetAt: null }, data: { resetAt: new Date() } });
});

const clear = (brandId: string | null) => db.emergencyStop.updateMany({ where: { brandId, resetAt: null }, data: { resetAt: new Date() } });

async function active(brandId: string | null, triggeredById: string, reason = "Case stop") {
  await clear(brandId);
  return db.emergencyStop.create({ data: { brandId, reason, triggeredById } });
}

const change = async (callerId: string) => ({ reason: "Procedure case", totpCode: (await enrolTotp(callerId)).code });
const activeIn = (brandId: string) => db.emergencyStop.count({ where: { brandId, resetAt: null } });

export const EMERGENCY_CASES: Record<string, ProcedureCase> = {
  "emergency.banner": {
    input: () => undefined,
    // The caller's brand and the global stop only: brand B's stop does not show.
    isolation: async (f: Fixture, call: Call) => {
      await active(f.brandB.id, f.targetB.id);
      expect(await call("emergency.banner")).toBeNull();
    },
  },
  "emergency.status": {
    input: () => undefined,
    isolation: async (f: Fixture, call: Call) => {
      await active(f.brandB.id, f.targetB.id, "Brand B only");
      const status = (await call("emergency.status")) as { brand: unknown; history: { reason: string }[] };
      expect(status.brand).toBeNull();
      expect(status.history.map((h) => h.reason)).not.toContain("Brand B only");
    },
  },
  "emergency.trigger": {
    input: async (f, caller) => {
      await clear(f.brandA.id);
      return change(caller.id);
    },
    // Acts on the caller's brand only: brand B stays running.
    isolation: async (f: Fixture, call: Call) => {
      await clear(f.brandA.id);
      await call("emergency.trigger", await change(f.callers.admin.id));
      expect(await activeIn(f.brandB.id)).toBe(0);
    },
  },
  "emergency.reset": {
    input: async (f, caller) => {
      await active(f.brandA.id, caller.id);
      return change(caller.id);
    },
    // Resets the caller's brand's stop, never brand B's.
    isolation: async (f: Fixture, call: Call) => {
      await active(f.brandB.id, f.targetB.id);
      await clear(f.brandA.id);
      await expect(call("emergency.reset", await change(f.callers.admin.id))).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await activeIn(f.brandB.id)).toBe(1);
    },
  },
  "emergency.triggerGlobal": {
    input: async (_f, caller) => {
      await clear(null);
      return change(caller.id);
    },
    isolation: "platform",
  },
  "emergency.resetGlobal": {
    input: async (_f, caller) => {
      await active(null, caller.id);
      return change(caller.id);
    },
    isolation: "platform",
  },
};
