/**
 * Two steps the report specs take on a page once it has settled (no request in flight, no skeleton left):
 * `englishShown`, the Chinese-mode scan's findings as readable lines (an empty list is a pass), and `shot`,
 * a full-page capture at the top of the page into SHOTS_DIR (nothing when it is not set).
 */
import path from "node:path";
import { expect, type Page } from "./fixtures";
import { englishUi, shownStrings, type DataLookup } from "./zh-scan";

const SHOTS = process.env.SHOTS_DIR;

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[data-slot="skeleton"]')).toHaveCount(0);
}

/** The English a Chinese page shows, each as "text (why)". */
export async function englishShown(page: Page, data: DataLookup): Promise<string[]> {
  await settled(page);
  return (await englishUi(await shownStrings(page), data)).findings.map((f) => `${f.text} (${f.why})`);
}

/** With SHOTS_DIR set, the whole page as `<name>.png` there. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await settled(page);
  // A full-page capture of a scrolled page draws the sticky sidebar where the viewport was.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
