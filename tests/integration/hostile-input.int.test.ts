/**
 * Hostile input never answers 5xx: every tRPC procedure (walked from the app router, so a new one cannot
 * be missed) starts from its valid input in PROCEDURE_CASES, gets one or two of its input's fields —
 * found by walking its zod schema, optional ones and cursors included — replaced by hostile values
 * (tests/helpers/hostile.ts), and is called as a role allowed to call it. The answer is success or a 4xx;
 * a 400 names the field; and a refused call wrote nothing (tests/helpers/write-probe.ts). Every field is
 * also tried with the canonical cases (NUL, lone surrogate, "a" + U+10FFFF, out-of-range dates, …).
 */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError, type z } from "zod";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/server/errors";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";
import { staffContext } from "../helpers/db";
import { applyMutations, CANONICAL, describeValue, fieldsOf, mutationsOf, type Mutation } from "../helpers/hostile";
import { installWriteProbe, type WriteProbe } from "../helpers/write-probe";
import { PROCEDURE_CASES, type Fixture } from "../procedure-cases";
import { buildFixture, procedures } from "./fixture";

/** Random runs per procedure, on top of the canonical cases of each of its fields. */
const RANDOM_RUNS = 25;
/** Distinct problems reported per procedure; the rest are counted. */
const SHOWN = 12;

const paths = Object.keys(procedures()).sort();

/**
 * Refusals that are audited on purpose: a wrong or reused step-up code leaves one audit row (it counts
 * toward the lockout and shows who tried). A case's code is good for one call, so every later valid-looking
 * call of the same property run meets this refusal.
 */
const AUDITED_REFUSALS = new Set(["emergency.errors.codeInvalid", "emergency.errors.codeReused"]);
const auditedRefusal = (error: unknown) => error instanceof TRPCError && error.cause instanceof AppError && AUDITED_REFUSALS.has(error.cause.reason);
const inputSchemaOf = (path: string) => (procedures()[path] as unknown as { _def: { inputs: z.ZodType[] } })._def.inputs[0];
const caller = createCallerFactory(appRouter);

function callAt(ctx: Parameters<typeof caller>[0], path: string) {
  let target: unknown = caller(ctx);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return target as (input?: unknown) => Promise<unknown>;
}

/** What is wrong with a refusal, or null when it is a proper 4xx. */
function problemOf(error: unknown, mutations: Mutation[]): string | null {
  if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
  const status = getHTTPStatusCodeFromError(error);
  if (status >= 500) return `${status} ${error.code}: ${String(error.cause ?? error.message).split("\n").find((l) => l.trim()) ?? ""}`.slice(0, 240);
  if (error.code !== "BAD_REQUEST" || mutations.some((m) => m.path.length === 0)) return null;
  const cause = error.cause;
  const named = cause instanceof ZodError ? cause.issues.some((i) => i.path.length > 0) : cause instanceof AppError && Boolean(cause.field);
  return named ? null : `400 without a field: ${error.message.slice(0, 120)}`;
}

describe("hostile input to every procedure", () => {
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  let probe: WriteProbe;
  beforeAll(async () => {
    fixture = await buildFixture();
    probe = await installWriteProbe();
  });
  afterAll(async () => {
    await probe?.remove();
  });

  it("every procedure has a valid case to start from", () => {
    expect(paths.length).toBeGreaterThan(60);
    expect(paths.filter((path) => !PROCEDURE_CASES[path])).toEqual([]);
  });

  it.each(paths)("%s: success or a 4xx naming the field, and a refusal writes nothing", async (path) => {
    const permission = procedures()[path]!._def.meta?.permission as Permission;
    const role = ROLES.find((r) => r !== "platform_admin" && can(r, permission)) ?? "platform_admin";
    const user = fixture.users[role];
    const valid = await PROCEDURE_CASES[path]!.input(fixture as Fixture, { id: user.id, role });
    const call = callAt(await staffContext(user, { tenantId: fixture.brandA.id }), path);
    const fields = fieldsOf(inputSchemaOf(path));
    const examples = fields.flatMap((field) => CANONICAL[field.kind].map((value): [Mutation[]] => [[{ path: field.path, value }]]));

    const problems = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(mutationsOf(fields, valid), async (mutations) => {
        const mark = await probe.mark();
        const error = await call(applyMutations(valid, mutations)).then(
          () => null,
          (e: unknown) => e,
        );
        if (error === null) return;
        const writes = (await probe.writesSince(mark)).filter((w) => !(auditedRefusal(error) && w === "audit_log insert × 1"));
        const problem = problemOf(error, mutations) ?? (writes.length ? `refused (${(error as TRPCError).code}) but wrote ${writes.join(", ")}` : null);
        if (!problem) return;
        const where = mutations.map((m) => `${m.path.join(".") || "(input)"}=${describeValue(m.value)}`).join(" ");
        const key = `${mutations.map((m) => m.path.join(".")).join("+")}: ${problem.replace(/\d+/g, "#")}`;
        if (!problems.has(key)) problems.set(key, `${where} → ${problem}`);
      }),
      // A procedure without input ignores it: a few runs show that, more only cost time (some call the exchange).
      { numRuns: (inputSchemaOf(path) ? RANDOM_RUNS : 2) + examples.length, examples, seed: 20261121 },
    );
    const found = [...problems.values()];
    expect(found.length, `${found.length} distinct problems:\n${found.slice(0, SHOWN).join("\n")}`).toBe(0);
  });
});
