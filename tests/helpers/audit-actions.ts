/**
 * Every audit action code the code base writes, found in its sources the way a reviewer would grep for
 * them: literals given as `action` (ternaries too, and named constants), literals inside a
 * `recordAudit(...)` call, literals passed to a function that takes an `action` parameter and forwards it,
 * and `` `export.${resource}` `` expanded over the export registry's resources.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ACTION = /["'`]([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)["'`]/g;
const SOURCE_DIRS = ["server", "prisma", "jobs", "lib", "app", "components"];

function sources(root: string): { file: string; text: string }[] {
  return SOURCE_DIRS.flatMap((dir) => {
    const full = path.join(root, dir);
    return readdirSync(full, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes("generated") && !f.includes("migrations"))
      .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(full, f), "utf8") }));
  });
}

/** The text of the call's arguments starting at `open` (the index of its "("), parentheses balanced. */
function callArgs(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

const literals = (text: string) => [...text.matchAll(ACTION)].map((m) => m[1]!);

export interface FoundAction {
  action: string;
  file: string;
}

export function auditActionsInSources(root = process.cwd()): FoundAction[] {
  const files = sources(root);
  const found: FoundAction[] = [];
  const add = (file: string, actions: string[]) => actions.forEach((action) => found.push({ action, file }));
  const constants = new Map<string, string>();
  for (const { text } of files) {
    for (const m of text.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*["']([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)["']/g)) constants.set(m[1]!, m[2]!);
  }
  // Functions that take an `action` parameter (and hand it to recordAudit): their call sites name actions.
  const forwarders = new Set<string>();
  for (const { text } of files) {
    if (!text.includes("recordAudit(")) continue;
    for (const m of text.matchAll(/(?:function\s+(\w+)\s*(?:<[^(]*>)?|(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?(?:<[^(]*>)?)\(([^)]*)\)/g)) {
      if (/\baction\s*:/.test(m[3]!)) forwarders.add((m[1] ?? m[2])!);
    }
  }
  const exportResources = [...readFileSync(path.join(root, "server/export/registry.ts"), "utf8").matchAll(/^ {2}(\w+)[:,]/gm)].map((m) => m[1]!);

  for (const { file, text } of files) {
    for (const m of text.matchAll(/\baction\s*[:=]\s*([^,;}\n]+)/g)) {
      const expr = m[1]!;
      add(file, literals(expr));
      for (const id of expr.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? []) if (constants.has(id)) add(file, [constants.get(id)!]);
      const template = /`(\w+)\.\$\{/.exec(expr);
      if (template?.[1] === "export") add(file, exportResources.map((r) => `export.${r}`));
    }
    for (const m of text.matchAll(/\brecordAudit\(/g)) add(file, literals(callArgs(text, m.index + "recordAudit".length)));
    for (const name of forwarders) {
      for (const m of text.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, "g"))) {
        if (/(?:function|const|let)\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
        add(file, literals(callArgs(text, m.index + name.length)));
      }
    }
  }
  return found;
}

/** The distinct codes, sorted. */
export const distinctActions = (found: FoundAction[]) => [...new Set(found.map((f) => f.action))].sort();
