"use client";
/**
 * shadcn's calendar: react-day-picker styled with the portal's tokens, in the reader's language (month and
 * weekday names and the grid's screen-reader labels come from react-day-picker's locale). Arrow keys move
 * between days, Page Up/Down between months, Enter picks.
 */
import * as React from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { DayPicker, getDefaultClassNames } from "react-day-picker";
import { enUS, zhCN } from "react-day-picker/locale";
import { buttonVariants } from "@/components/ui/button";
import { useLocale } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

/** react-day-picker's locale (date-fns' plus its labels) for the portal's locale. */
export const DAY_PICKER_LOCALES = { en: enUS, "zh-CN": zhCN } as const satisfies Record<Locale, typeof enUS>;

function Calendar({ className, classNames, showOutsideDays = true, ...props }: React.ComponentProps<typeof DayPicker>) {
  const locale = useLocale();
  const defaults = getDefaultClassNames();
  return (
    <DayPicker
      locale={DAY_PICKER_LOCALES[locale]}
      // Monday first in both: the brokerage's week (and China's) starts on Monday.
      weekStartsOn={1}
      showOutsideDays={showOutsideDays}
      className={cn("p-3", className)}
      classNames={{
        root: cn("w-fit", defaults.root),
        months: cn("relative flex flex-col gap-4 sm:flex-row", defaults.months),
        month: cn("flex w-full flex-col gap-4", defaults.month),
        nav: cn("absolute inset-x-0 top-0 flex w-full items-center justify-between gap-1", defaults.nav),
        button_previous: cn(buttonVariants({ variant: "ghost", size: "icon-sm" }), "size-8 p-0 aria-disabled:opacity-50", defaults.button_previous),
        button_next: cn(buttonVariants({ variant: "ghost", size: "icon-sm" }), "size-8 p-0 aria-disabled:opacity-50", defaults.button_next),
        month_caption: cn("flex h-8 w-full items-center justify-center px-8", defaults.month_caption),
        caption_label: cn("text-sm font-medium select-none", defaults.caption_label),
        dropdowns: cn("flex h-8 items-center justify-center gap-1.5 text-sm font-medium", defaults.dropdowns),
        dropdown_root: cn("relative rounded-md border border-input shadow-xs has-focus:border-ring has-focus:ring-[3px] has-focus:ring-ring/50", defaults.dropdown_root),
        dropdown: cn("absolute inset-0 bg-popover opacity-0", defaults.dropdown),
        month_grid: "w-full border-collapse",
        weekdays: cn("flex", defaults.weekdays),
        weekday: cn("flex-1 rounded-md text-[0.8rem] font-normal text-muted-foreground select-none", defaults.weekday),
        week: cn("mt-1 flex w-full", defaults.week),
        day: cn("relative aspect-square size-8 p-0 text-center text-sm select-none", defaults.day),
        day_button: cn(
          buttonVariants({ variant: "ghost" }),
          "size-8 p-0 font-normal aria-selected:opacity-100",
        ),
        range_start: cn("rounded-l-md bg-accent", defaults.range_start),
        range_middle: cn("rounded-none", defaults.range_middle),
        range_end: cn("rounded-r-md bg-accent", defaults.range_end),
        selected: cn(
          "[&>button]:bg-primary [&>button]:text-primary-foreground [&>button]:hover:bg-primary [&>button]:hover:text-primary-foreground",
          defaults.selected,
        ),
        today: cn("[&>button]:bg-accent [&>button]:text-accent-foreground", defaults.today),
        outside: cn("text-muted-foreground aria-selected:text-muted-foreground", defaults.outside),
        disabled: cn("text-muted-foreground opacity-50", defaults.disabled),
        hidden: cn("invisible", defaults.hidden),
        ...classNames,
      }}
      components={{
        Chevron: ({ orientation, className: chevronClass }) =>
          orientation === "left" ? <ChevronLeft className={cn("size-4", chevronClass)} /> : <ChevronRight className={cn("size-4", chevronClass)} />,
      }}
      {...props}
    />
  );
}

export { Calendar };
