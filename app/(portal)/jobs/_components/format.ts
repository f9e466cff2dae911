/**
 * Words for a queue's schedule and a job's duration. Only the simple cron shapes the registry uses get
 * words (every N minutes, hourly, daily, weekly); anything else is shown as its pattern, never guessed.
 */
import type { Translate } from "@/lib/i18n/translate";
import type { QueueScheduleView } from "@/server/jobs/types";

const MINUTE_MS = 60_000;
const isNumber = (field: string) => /^\d{1,2}$/.test(field);
const pad = (n: number) => String(n).padStart(2, "0");

/** Sunday = 0 (and 7), as in cron; 2024-01-07 was a Sunday. */
function weekdayName(day: number, locale: string) {
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 7 + (day % 7))));
}

/** The schedule in words, or null when the pattern is not one of the simple shapes. */
export function describeSchedule(schedule: QueueScheduleView, t: Translate, locale: string): string | null {
  if ("everyMs" in schedule) {
    const ms = schedule.everyMs;
    if (ms === 60 * MINUTE_MS) return t("jobs.schedule.everyHour");
    if (ms % (60 * MINUTE_MS) === 0) return t("jobs.schedule.everyHours", { n: ms / (60 * MINUTE_MS) });
    if (ms === MINUTE_MS) return t("jobs.schedule.everyMinute");
    if (ms % MINUTE_MS === 0) return t("jobs.schedule.everyMinutes", { n: ms / MINUTE_MS });
    return t("jobs.schedule.everySeconds", { n: Math.round(ms / 1000) });
  }
  const fields = schedule.pattern.trim().split(/\s+/);
  if (fields.length !== 5) return null; // a seconds field or a macro: show the pattern as is
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (dayOfMonth !== "*" || month !== "*") return null;
  if (dayOfWeek === "*" && hour === "*") {
    if (minute === "*") return t("jobs.schedule.everyMinute");
    const step = /^\*\/(\d{1,2})$/.exec(minute);
    if (step) return Number(step[1]) === 1 ? t("jobs.schedule.everyMinute") : t("jobs.schedule.everyMinutes", { n: Number(step[1]) });
    if (isNumber(minute)) return t("jobs.schedule.hourlyAt", { minute: pad(Number(minute)) });
    return null;
  }
  if (!isNumber(minute) || !isNumber(hour)) return null;
  const time = `${pad(Number(hour))}:${pad(Number(minute))}`;
  if (dayOfWeek === "*") return t("jobs.schedule.dailyAt", { time });
  if (/^[0-7]$/.test(dayOfWeek)) return t("jobs.schedule.weeklyAt", { weekday: weekdayName(Number(dayOfWeek), locale), time });
  return null;
}

/** "850 ms", "12.3 s", "2 min 5 s", "1 h 4 min". */
export function formatDuration(ms: number | null, t: Translate): string {
  if (ms === null) return t("jobs.none");
  if (ms < 1000) return t("jobs.duration.ms", { n: Math.max(0, Math.round(ms)) });
  if (ms < MINUTE_MS) return t("jobs.duration.seconds", { n: Math.round(ms / 100) / 10 });
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) return t("jobs.duration.minutes", { m: Math.floor(totalSeconds / 60), s: totalSeconds % 60 });
  return t("jobs.duration.hours", { h: Math.floor(totalSeconds / 3600), m: Math.floor((totalSeconds % 3600) / 60) });
}

/** A one-line excerpt of an error for cards and table cells; the full text goes in a title/details. */
export function excerpt(text: string, max = 140): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
