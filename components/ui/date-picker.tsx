"use client";
/**
 * A date (or date and time) field in the reader's language: a text box showing the value as the locale
 * writes it ("2026年11月22日", "22 Nov 2026"), where a date can also be typed (2026-11-22, 2026/11/22 or the
 * shown form), and a calendar in a popover. Values are the strings a native date / datetime-local input
 * gives ("2026-11-22", "2026-11-22T10:05", the browser's local time), so forms and URLs keep their format.
 * A date-time states the browser's time zone, since the value is read in it.
 */
import * as React from "react";
import { format, isValid, parse } from "date-fns";
import { CalendarDays } from "lucide-react";
import { Calendar, DAY_PICKER_LOCALES } from "@/components/ui/calendar";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useLocale, useT } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

export type DatePickerMode = "date" | "datetime";

const VALUE_FORMAT = { date: "yyyy-MM-dd", datetime: "yyyy-MM-dd'T'HH:mm" } as const;
const DISPLAY_FORMAT: Record<Locale, string> = { en: "d MMM yyyy", "zh-CN": "yyyy年M月d日" };
/** What may be typed, besides the shown form: ISO-like days with -, / or . between the parts. */
const TYPED_DAY_FORMATS = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The value string as a local Date, or null when empty or not one. */
export function parseDateValue(value: string | null | undefined, mode: DatePickerMode): Date | null {
  if (!value) return null;
  const date = parse(value, VALUE_FORMAT[mode], new Date());
  return isValid(date) ? date : null;
}

export const formatDateValue = (date: Date, mode: DatePickerMode) => format(date, VALUE_FORMAT[mode]);

/** Typed text as a date (time of day included in "datetime"), or null. A four-digit year is required. */
export function parseTyped(text: string, mode: DatePickerMode, locale: Locale): Date | null {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (!/\d{4}/.test(trimmed)) return null;
  const days = [DISPLAY_FORMAT[locale], ...TYPED_DAY_FORMATS];
  const formats = mode === "date" ? days : days.flatMap((d) => [`${d} HH:mm`, `${d}'T'HH:mm`, `${d}, HH:mm`, d]);
  for (const candidate of formats) {
    const date = parse(trimmed, candidate, new Date(), { locale: DAY_PICKER_LOCALES[locale] });
    if (isValid(date) && date.getFullYear() >= 1000) return date;
  }
  return null;
}

const display = (date: Date, mode: DatePickerMode, locale: Locale) =>
  format(date, mode === "date" ? DISPLAY_FORMAT[locale] : `${DISPLAY_FORMAT[locale]} HH:mm`, { locale: DAY_PICKER_LOCALES[locale] });

/** "UTC+08:00 · Asia/Shanghai" for the browser's zone at `at`; null on the server (its zone is not the reader's). */
function useTimeZoneLabel(at: Date | null): string | null {
  const mounted = React.useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  if (!mounted) return null;
  const minutes = -(at ?? new Date()).getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const offset = minutes === 0 ? "UTC" : `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== "UTC" && zone !== "Etc/UTC" ? `${offset} · ${zone}` : offset;
}

export interface DatePickerProps extends Omit<React.ComponentProps<"input">, "value" | "onChange" | "min" | "max" | "type" | "defaultValue"> {
  value: string | null | undefined;
  /** The new value string; "" when cleared. Text that is not a date is passed on as typed (the form's schema refuses it) unless `strict`. */
  onChange: (value: string) => void;
  mode?: DatePickerMode;
  /** Earliest and latest choosable day, as value strings (the calendar disables the rest). */
  min?: string;
  max?: string;
  /** Keep text that is not a date to itself (marked invalid) instead of passing it on: for filters. */
  strict?: boolean;
  /** Classes of the outer box (the field's border). */
  boxClassName?: string;
}

export function DatePicker({
  value,
  onChange,
  mode = "date",
  min,
  max,
  strict = false,
  disabled,
  className,
  boxClassName,
  onBlur,
  ref,
  placeholder,
  ...inputProps
}: DatePickerProps) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = React.useState(false);
  const [draft, setDraft] = React.useState<string | null>(null);
  const selected = parseDateValue(value, mode);
  const minDate = parseDateValue(min, mode);
  const maxDate = parseDateValue(max, mode);
  const zone = useTimeZoneLabel(mode === "datetime" ? selected : null);
  const shown = draft ?? (selected ? display(selected, mode, locale) : (value ?? ""));
  const typedInvalid = strict && draft !== null && draft.trim() !== "" && !parseTyped(draft, mode, locale);
  const example = display(new Date(2026, 10, 22, 9, 30), mode, locale);

  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    const parsed = text ? parseTyped(text, mode, locale) : null;
    if (!text) onChange("");
    else if (parsed) onChange(formatDateValue(parsed, mode));
    else if (!strict) onChange(text);
    else return; // keep the typed text, marked invalid
    setDraft(null);
  };

  const pickDay = (day: Date | undefined) => {
    if (!day) return;
    if (mode === "datetime") day.setHours(selected?.getHours() ?? 0, selected?.getMinutes() ?? 0, 0, 0);
    setDraft(null);
    onChange(formatDateValue(day, mode));
    if (mode === "date") setOpen(false);
  };

  return (
    <div className={cn("grid w-full gap-1", className)}>
      <div
        className={cn(
          "flex h-9 w-full min-w-0 items-center rounded-md border border-input bg-transparent shadow-xs transition-[color,box-shadow] dark:bg-input/30",
          "focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50",
          "has-[input[aria-invalid=true]]:border-destructive has-[input[aria-invalid=true]]:ring-destructive/20",
          disabled && "pointer-events-none cursor-not-allowed opacity-50",
          boxClassName,
        )}
      >
        <input
          {...inputProps}
          ref={ref}
          type="text"
          inputMode={mode === "date" ? "numeric" : undefined}
          autoComplete="off"
          disabled={disabled}
          value={shown}
          placeholder={placeholder ?? t("common.datePicker.datePlaceholder", { example })}
          aria-invalid={typedInvalid || inputProps["aria-invalid"] || undefined}
          className="h-full min-w-0 flex-1 bg-transparent px-3 text-base tabular-nums outline-none placeholder:text-muted-foreground md:text-sm"
          onChange={(event) => setDraft(event.target.value)}
          onBlur={(event) => {
            commit();
            onBlur?.(event);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              // Enter takes the typed date; the form is submitted by a second Enter.
              if (draft !== null) event.preventDefault();
              commit();
            } else if (event.key === "ArrowDown" && event.altKey) {
              event.preventDefault();
              setOpen(true);
            }
          }}
        />
        <Popover open={open} onOpenChange={setOpen}>
          <PopoverTrigger asChild>
            <Button type="button" variant="ghost" size="icon-sm" className="mr-0.5 size-8 shrink-0" disabled={disabled} aria-label={t("common.datePicker.openCalendar")}>
              <CalendarDays />
            </Button>
          </PopoverTrigger>
          <PopoverContent className="w-auto p-0" align="end">
            <Calendar
              mode="single"
              selected={selected ?? undefined}
              onSelect={pickDay}
              defaultMonth={selected ?? minDate ?? maxDate ?? undefined}
              captionLayout="dropdown"
              startMonth={minDate ?? new Date(1900, 0)}
              endMonth={maxDate ?? new Date(new Date().getFullYear() + 10, 11)}
              disabled={[...(minDate ? [{ before: minDate }] : []), ...(maxDate ? [{ after: maxDate }] : [])]}
              autoFocus
            />
            {mode === "datetime" && <TimeField value={selected} onChange={(at) => onChange(formatDateValue(at, mode))} />}
          </PopoverContent>
        </Popover>
      </div>
      {mode === "datetime" && zone && <p className="text-xs text-muted-foreground">{t("common.datePicker.timezone", { zone })}</p>}
    </div>
  );
}

/** "HH:mm" (24-hour) for the chosen day, or today when none is chosen yet. */
function TimeField({ value, onChange }: { value: Date | null; onChange: (at: Date) => void }) {
  const t = useT();
  const id = React.useId();
  const current = value ? format(value, "HH:mm") : "";
  const [draft, setDraft] = React.useState<string | null>(null);
  const commit = () => {
    const match = draft === null ? null : TIME.exec(draft.trim());
    if (match) {
      const at = new Date(value ?? new Date());
      at.setHours(Number(match[1]), Number(match[2]), 0, 0);
      onChange(at);
    }
    setDraft(null);
  };
  return (
    <div className="flex items-center gap-2 border-t p-3">
      <Label htmlFor={id} className="shrink-0 font-normal">
        {t("common.datePicker.time")}
      </Label>
      <Input
        id={id}
        value={draft ?? current}
        placeholder={t("common.datePicker.timePlaceholder")}
        inputMode="numeric"
        maxLength={5}
        className="h-8 w-20 tabular-nums"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}
