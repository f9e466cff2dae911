import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { describeSchedule, excerpt, formatDuration } from "./format";

const en = createTranslator("en");
const zh = createTranslator("zh-CN");
const next = null;

describe("jobs page wording", () => {
  it("says simple cron patterns and intervals in words, and leaves the rest as patterns", () => {
    expect(describeSchedule({ pattern: "15 3 * * *", next }, en, "en")).toBe("Daily at 03:15");
    expect(describeSchedule({ pattern: "*/5 * * * *", next }, en, "en")).toBe("Every 5 minutes");
    expect(describeSchedule({ pattern: "7 * * * *", next }, en, "en")).toBe("Every hour at :07");
    expect(describeSchedule({ pattern: "0 9 * * 1", next }, en, "en")).toBe("Every Monday at 09:00");
    expect(describeSchedule({ everyMs: 300_000, next }, en, "en")).toBe("Every 5 minutes");
    // Not one of the simple shapes: no guess.
    expect(describeSchedule({ pattern: "0 9 1 * *", next }, en, "en")).toBeNull();
    expect(describeSchedule({ pattern: "0 0 9 * * *", next }, en, "en")).toBeNull();
    expect(describeSchedule({ pattern: "15 3 * * *", next }, zh, "zh-CN")).toBe("每天 03:15");
  });

  it("formats durations and error excerpts", () => {
    expect(formatDuration(850, en)).toBe("850 ms");
    expect(formatDuration(61_000, en)).toBe("1 min 1 s");
    expect(formatDuration(null, en)).toBe(en("jobs.none"));
    expect(excerpt("first line\nstack", 50)).toBe("first line");
    expect(excerpt("x".repeat(10), 5)).toBe("xxxx…");
  });
});
