/**
 * Layers point down (../shared/DESIGN.md): the lint rule in eslint.config.mjs refuses an upward import, and
 * no client component reaches server code. These run the real ESLint config on sample sources, so a change
 * that loosens the rule fails here, and scan the repository's "use client" modules for server imports.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("the import rule", () => {
  it.each([
    ["server/anything/service.ts", 'import { enqueue } from "@/jobs/registry";\nvoid enqueue;'],
    ["server/anything/service.ts", 'import { x } from "../../jobs/worker";\nvoid x;'],
    ["server/anything/service.ts", 'import { y } from "@/app/api/export/[resource]/route";\nvoid y;'],
    ["lib/anything.ts", 'import { z } from "@/scripts/lib/databases";\nvoid z;'],
    ["lib/anything.ts", 'import { db } from "@/server/db/client";\nvoid db;'],
    ["components/anything/widget.tsx", 'import { listCustomers } from "@/server/customers/list";\nvoid listCustomers;'],
  ])("refuses %s importing upward: %s", async (file, source) => {
    expect(await restrictedImports(file, source)).toHaveLength(1);
  });

  it.each([
    ["server/anything/service.ts", 'import { enqueue } from "@/server/queues/registry";\nvoid enqueue;'],
    ["components/anything/widget.tsx", 'import type { CustomerRow } from "@/server/customers/types";\nexport type R = CustomerRow;'],
    ["components/anything/widget.tsx", 'import { selectBrandAction } from "@/server/actions/brand";\nvoid selectBrandAction;'],
    ["components/anything/widget.tsx", 'import { ZCustomerListInput } from "@/lib/customers/schemas";\nvoid ZCustomerListInput;'],
  ])("allows %s: %s", async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});

describe("client modules", () => {
  const sources = ["app", "components", "lib"].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => path.join(dir, f)),
  );
  const clientFiles = sources.filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));

  it("exist (the scan sees them)", () => {
    expect(clientFiles.length).toBeGreaterThan(50);
  });

  it("take nothing but types from server/ (server actions excepted) and nothing from the simulator", () => {
    const offenders = clientFiles.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^import\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gms)]
        .map((m) => m[1]!)
        .filter((spec) => /^@\/server\/(?!actions\/)/.test(spec) || spec.includes("exchange/sim"))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
