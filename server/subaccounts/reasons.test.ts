/**
 * The sub-account services' refusal reasons (`subaccounts.errors.*`): every key the services name exists in the
 * English dictionary (AppError takes any string while call sites move to reasons, so a misspelt key would
 * otherwise be sent as English text), every reason is used, and every Chinese template has exactly the
 * placeholders of its English one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}.${key}`, value] as [string, string]] : leaves(value, `${prefix}.${key}`)));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const en = leaves(messages.en.subaccounts.errors as Tree, "subaccounts.errors");
const zh = new Map(leaves(messages["zh-CN"].subaccounts.errors as Tree, "subaccounts.errors"));

const sources = readdirSync(__dirname)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => readFileSync(join(__dirname, f), "utf8"));
const named = new Set(sources.flatMap((s) => [...s.matchAll(/"((?:errors|\w+\.errors)\.[\w.]+)"/g)].map((m) => m[1])));
const english = createTranslator("en");

describe("subaccounts.errors", () => {
  it("every reason the services name is in the English dictionary", () => {
    expect([...named].filter((key) => english(key as MessageKey) === key)).toEqual([]);
  });

  it("every reason is named by a service", () => expect(en.map(([key]) => key).filter((key) => !named.has(key))).toEqual([]));

  it.each(en)("%s: the Chinese template has the English placeholders", (key, text) => {
    expect(zh.has(key)).toBe(true);
    expect(placeholders(zh.get(key)!)).toEqual(placeholders(text));
  });
});
