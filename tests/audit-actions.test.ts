/**
 * Every audit action the code writes has a name and a sentence in English and in Chinese, and every kind
 * of record it writes about has a name: a new action without words fails here, not on the audit page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { actionKey } from "@/lib/audit/present";
import { auditActionsInSources, distinctActions } from "./helpers/audit-actions";

const found = auditActionsInSources();
const actions = distinctActions(found);

const entityTypes = [
  ...new Set(
    ["server", "prisma", "jobs"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes("generated"))
        .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/entityType: "([a-z_]+)"/g)].map((m) => m[1]!)),
    ),
  ),
].sort();

describe("audit action names", () => {
  it("finds the actions the code writes", () => {
    expect(actions.length).toBeGreaterThan(100);
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "customer.freeze", "customer.update", "bonus.campaign_end", "apikey.reveal_refused", "export.audit"]));
  });

  for (const locale of ["en", "zh-CN"] as const) {
    it(`names every action in ${locale}`, () => {
      const dictionary = messages[locale].audit.actions as Record<string, { name?: string; sentence?: string }>;
      const unnamed = actions
        .filter((action) => !dictionary[actionKey(action)]?.name || !dictionary[actionKey(action)]?.sentence?.includes("{actor}"))
        .map((action) => `${action} (written in ${found.find((f) => f.action === action)!.file})`);
      expect(unnamed).toEqual([]);
    });

    it(`names every kind of record in ${locale}`, () => {
      const names = messages[locale].audit.entities as Record<string, string>;
      expect(entityTypes.filter((type) => type !== "asc" && !names[type])).toEqual([]);
    });
  }

  it("keeps no names for actions nothing writes", () => {
    const written = new Set(actions.map(actionKey));
    expect(Object.keys(messages.en.audit.actions).filter((key) => !written.has(key))).toEqual([]);
  });
});
