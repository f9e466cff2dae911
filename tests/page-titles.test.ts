/**
 * A page's title (the browser tab, its heading) uses the sidebar's word for the area, in every language:
 * "API 密钥" in the sidebar is "API 密钥" on the page. Each open area's page.tsx names its title key in
 * generateMetadata; that key's text must equal the navigation label's.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { NAV_ITEMS } from "@/lib/nav";

const PORTAL = path.resolve(__dirname, "../app/(portal)");

/** The page file of an area: "/" is the dashboard's route group. */
function pageFile(href: string): string | null {
  const candidates = href === "/" ? [path.join(PORTAL, "(dashboard)", "page.tsx"), path.join(PORTAL, "page.tsx")] : [path.join(PORTAL, href, "page.tsx")];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

const titleKey = (source: string) => /title:\s*t\("([\w.]+)"\)/.exec(source)?.[1] ?? null;

describe("page titles use the sidebar's words", () => {
  const open = NAV_ITEMS.filter((item) => item.availability === "open");

  it.each(open.map((item) => [item.href, item] as const))("%s", (_href, item) => {
    const file = pageFile(item.href);
    expect(file, `a page for ${item.href}`).not.toBeNull();
    const key = titleKey(fs.readFileSync(file!, "utf8"));
    // A page may title itself with the navigation label directly (notBuiltMetadata does).
    if (key === null) return;
    for (const locale of LOCALES) {
      const t = createTranslator(locale);
      expect(t(key as MessageKey), `${locale} title of ${item.href} (${key})`).toBe(t(item.labelKey));
    }
  });
});
