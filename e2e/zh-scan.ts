/**
 * The Chinese-mode scan's parts (e2e/zh-cn-scan.spec.ts): what a page shows a reader — visible text,
 * screen-reader labels, placeholders, titles, alt texts and the document title — and which of it is English.
 *
 * A string is English UI when it is a value of the English dictionary whose Chinese differs (whole, or a
 * template with its placeholders filled), or holds a run of two or more English words. Data is allowed: a
 * flagged string that appears in the run's database (names, notes, reasons, group descriptions typed in
 * English) is the brand's data, not the product's words. What is left after that must be in ALLOWED.
 */
import pg from "pg";
import type { Page } from "@playwright/test";
import { en, messages } from "../lib/i18n/messages";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const zh = new Map(leaves(messages["zh-CN"] as unknown as Tree));
/** English values a Chinese page must not show: those whose translation differs (not "USDT", "Brokerdesk"). */
const english = leaves(en as unknown as Tree).filter(([key, value]) => zh.get(key) !== value && /[a-z]{2}/i.test(value));
const exact = new Map(english.filter(([, v]) => !v.includes("{")).map(([key, value]) => [value.trim(), key]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Templates with at least one English word outside their placeholders, as whole-string patterns. */
const templates = english
  .filter(([, v]) => v.includes("{") && /[a-z]{3}/i.test(v.replace(/\{\w+\}/g, "")))
  .map(([key, value]) => ({ key, pattern: new RegExp(`^${value.trim().split(/\{\w+\}/).map(escape).join("[\\s\\S]+?")}$`) }));

/** The Chinese text itself, which may name things in English on purpose (an authenticator app's name). */
const chinese = [...zh.values()];
const chineseExact = new Set(chinese.map((v) => v.trim()));
const chineseTemplates = chinese
  .filter((v) => v.includes("{") && /[\u4e00-\u9fff]/.test(v.replace(/\{\w+\}/g, "")))
  .map((value) => new RegExp(`^${value.trim().split(/\{\w+\}/).map(escape).join("[\\s\\S]*?")}$`));

/** Two or more words of letters (each with a lower-case letter), e.g. "No file chosen"; codes (USDT, KYC) are not words. */
const WORD_RUN = /[A-Za-z]*[a-z][A-Za-z]*(?:['’][a-z]+)?(?:[ \u00a0]+[A-Za-z]*[a-z][A-Za-z]*(?:['’][a-z]+)?)+/g;

/**
 * English that is not the product's words. Keep it short; each entry says why.
 */
const ALLOWED: { pattern: RegExp; why: string }[] = [
  // The brand's and product's own names are trade names, the same in every language.
  { pattern: /^Brokerdesk$/, why: "product name" },
  // An e-mail address or a host name is an identifier, whatever words it holds.
  { pattern: /^[\w.+-]+@[\w.-]+$/, why: "e-mail address" },
];

const WORDS = "English words";

export interface Finding {
  text: string;
  /** The dictionary key it equals, or "English words" for a run of words not in the dictionary. */
  why: string;
}

/** The candidates in one string: a dictionary value or template it equals, and its English word runs. */
export function englishIn(text: string): Finding[] {
  const s = text.replace(/\s+/g, " ").trim();
  if (!s || ALLOWED.some((a) => a.pattern.test(s))) return [];
  if (chineseExact.has(s) || chineseTemplates.some((pattern) => pattern.test(s))) return [];
  const key = exact.get(s) ?? templates.find((t) => t.pattern.test(s))?.key;
  if (key) return [{ text: s, why: key }];
  return [...s.matchAll(WORD_RUN)].map((m) => ({ text: m[0], why: WORDS }));
}

/** Everything a reader sees or hears on the page now (hidden elements' text excluded, screen-reader-only text included). */
export async function shownStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const add = (value: string | null | undefined) => {
      const text = value?.trim();
      if (text) found.add(text);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template")) continue;
      // checkVisibility: not display:none / visibility:hidden; an sr-only element counts as shown (it is read out).
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      add(node.textContent);
    }
    for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], [alt], [aria-valuetext]")) {
      for (const name of ["aria-label", "placeholder", "title", "alt", "aria-valuetext"]) add(element.getAttribute(name));
    }
    add(document.title);
    return [...found];
  });
}

/** The run's database, to tell the brand's data (which may be English) from the product's words. */
export class DataLookup {
  private client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  private tables: string[] = [];

  async open() {
    await this.client.connect();
    const rows = await this.client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%'",
    );
    this.tables = rows.rows.map((r) => r.name);
  }

  /**
   * The candidates some row of some table holds (case-sensitive): data, not product text. `whole`: only as a
   * whole column or JSON value (a dictionary word such as "Active" inside a note does not make it data).
   */
  async stored(candidates: readonly string[], whole: boolean): Promise<Set<string>> {
    const left = new Set(candidates);
    const found = new Set<string>();
    for (const table of this.tables) {
      if (left.size === 0) break;
      const list = [...left];
      // A row as text: (v1,"v 2",...); a JSON value inside it is quoted too.
      const patterns = list.map((c) => `(^|[(,"])${escape(c)}($|[),"])`);
      const match = whole ? "t::text ~ p" : "strpos(t::text, c) > 0";
      const rows = await this.client.query<{ c: string }>(
        `SELECT c FROM unnest($1::text[], $2::text[]) AS x(c, p) WHERE EXISTS (SELECT 1 FROM "${table.replace(/"/g, '""')}" t WHERE ${match})`,
        [list, patterns],
      );
      for (const { c } of rows.rows) {
        found.add(c);
        left.delete(c);
      }
    }
    return found;
  }

  async close() {
    await this.client.end();
  }
}

/** The English UI strings among `strings`, and the English the database holds as data (for the report). */
export async function englishUi(strings: readonly string[], data: DataLookup): Promise<{ findings: Finding[]; data: string[] }> {
  const candidates = strings.flatMap(englishIn);
  const unique = (list: Finding[]) => [...new Set(list.map((c) => c.text))];
  const dictionary = candidates.filter((c) => c.why !== WORDS);
  const words = candidates.filter((c) => c.why === WORDS);
  const stored = new Set([...(await data.stored(unique(dictionary), true)), ...(await data.stored(unique(words), false))]);
  const seen = new Set<string>();
  const findings = candidates.filter((c) => !stored.has(c.text) && !seen.has(c.text) && seen.add(c.text));
  return { findings, data: [...stored] };
}
