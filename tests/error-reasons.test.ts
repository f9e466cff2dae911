/**
 * The refusal reasons of the money, staff, brand, jobs, audit and exchange areas: every Chinese template
 * uses exactly the placeholders of its English one, so a reason's params fill both languages.
 */
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";

const NAMESPACES = ["tradingAccounts", "fundLocks", "account", "staff", "brandSettings", "platformBrands", "jobs", "audit", "exchange"] as const;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}.${key}`, value] as [string, string]] : leaves(value, `${prefix}.${key}`)));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(NAMESPACES)("%s.errors", (ns) => {
  const en = leaves(messages.en[ns].errors as Tree, `${ns}.errors`);
  const zh = new Map(leaves(messages["zh-CN"][ns].errors as Tree, `${ns}.errors`));

  it("has reasons", () => expect(en.length).toBeGreaterThan(0));

  it.each(en)("%s: the Chinese template has the English placeholders", (key, text) => {
    expect(zh.has(key)).toBe(true);
    expect(placeholders(zh.get(key)!)).toEqual(placeholders(text));
  });
});
