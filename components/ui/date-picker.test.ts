import { describe, expect, it } from "vitest";
import { formatDateValue, parseDateValue, parseTyped } from "./date-picker";

/** The picker must hand forms and URLs exactly what the native inputs it replaces gave them. */
describe("date picker values", () => {
  it("keeps the native inputs' value strings", () => {
    expect(formatDateValue(parseDateValue("2026-11-22", "date")!, "date")).toBe("2026-11-22");
    expect(formatDateValue(parseDateValue("2026-11-22T10:05", "datetime")!, "datetime")).toBe("2026-11-22T10:05");
    expect(parseDateValue("", "date")).toBeNull();
    expect(parseDateValue("2026-02-30", "date")).toBeNull();
  });

  it("reads a date typed as ISO, with slashes or as the locale shows it", () => {
    for (const typed of ["2026-11-22", "2026/11/22", "2026.11.22"]) {
      expect(formatDateValue(parseTyped(typed, "date", "zh-CN")!, "date")).toBe("2026-11-22");
    }
    expect(formatDateValue(parseTyped("2026年11月22日", "date", "zh-CN")!, "date")).toBe("2026-11-22");
    expect(formatDateValue(parseTyped("22 Nov 2026", "date", "en")!, "date")).toBe("2026-11-22");
  });

  it("reads a typed date and time, and a date alone as midnight", () => {
    expect(formatDateValue(parseTyped("2026年11月22日 09:30", "datetime", "zh-CN")!, "datetime")).toBe("2026-11-22T09:30");
    expect(formatDateValue(parseTyped("22 Nov 2026 09:30", "datetime", "en")!, "datetime")).toBe("2026-11-22T09:30");
    expect(formatDateValue(parseTyped("2026-11-22T09:30", "datetime", "en")!, "datetime")).toBe("2026-11-22T09:30");
    expect(formatDateValue(parseTyped("2026-11-22", "datetime", "en")!, "datetime")).toBe("2026-11-22T00:00");
  });

  it("refuses what is not a date, and two-digit years", () => {
    expect(parseTyped("tomorrow", "date", "en")).toBeNull();
    expect(parseTyped("26-11-22", "date", "en")).toBeNull();
    expect(parseTyped("2026-13-01", "date", "en")).toBeNull();
    expect(parseTyped("2026-11-22 25:00", "datetime", "en")).toBeNull();
  });
});
