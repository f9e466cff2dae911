/**
 * Refusal reasons (server/errors.ts): AppError takes only keys of the dictionaries (the compiler checks
 * that), and this checks the other direction — every reason in a dictionary's `errors` is named by some
 * code, so the dictionaries keep no dead refusals. A key built at run time counts through its literal
 * prefix (`"kyc.errors.openApplication.${scenario}…"` names every key under it).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { leaves } from "./helpers/dictionaries";

const sources = ["server", "lib", "components", "app"].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !f.includes("generated") && !/\.test\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(dir, f), "utf8")),
);
const named = sources.flatMap((s) => [...s.matchAll(/["'`]((?:errors|\w+\.errors)\.[\w.]*?)(["'`]|\$\{)/g)].map((m) => ({ key: m[1]!, prefix: m[2] === "${" })));
const isNamed = (key: string) => named.some((n) => (n.prefix ? key.startsWith(n.key) : key === n.key));

describe("refusal reasons", () => {
  const reasons = leaves(messages.en).map(([key]) => key).filter((key) => /^(errors|\w+\.errors)\./.test(key));

  it("exist", () => expect(reasons.length).toBeGreaterThan(100));

  it("are each named by some code", () => expect(reasons.filter((key) => !isNamed(key))).toEqual([]));
});
