"use client";
/**
 * Country choosers of the KYC pages, on the kit's searchable list: a single-country filter for the queue
 * toolbar and a multi-select with chips for settings. (A single select for forms is
 * components/customers/country-select.tsx.)
 */
import { CirclePlus, X } from "lucide-react";
import { useMemo, useState, type ComponentProps } from "react";
import { SearchableOptionList } from "@/components/data-table/searchable-option-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";
import { countryName } from "@/lib/countries";
import { useCountryOptions } from "@/lib/countries-client";
import { useLocale, useT } from "@/lib/i18n/client";

type TriggerProps = Omit<ComponentProps<"button">, "value" | "onChange" | "children">;

interface CountryFilterProps {
  title: string;
  value: string | undefined;
  onChange: (code: string | null) => void;
}

/** A single-country table filter in the kit's dashed-button style; `null` means any country. */
export function CountryFilter({ title, value, onChange }: CountryFilterProps) {
  const t = useT();
  const locale = useLocale();
  const options = useCountryOptions();
  const [open, setOpen] = useState(false);
  const selected = useMemo(() => new Set(value ? [value] : []), [value]);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed">
          <CirclePlus />
          {title}
          {value && (
            <>
              <Separator orientation="vertical" className="mx-0.5 data-[orientation=vertical]:h-4" />
              <Badge variant="secondary" className="max-w-40 truncate rounded-sm px-1 font-normal">
                {countryName(value, locale)}
              </Badge>
            </>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-72 p-0" align="start">
        <SearchableOptionList
          options={options}
          selected={selected}
          searchLabel={t("kyc.country.search")}
          onPick={(code) => {
            onChange(code === value ? null : code);
            setOpen(false);
          }}
        />
        {value && (
          <div className="border-t p-1">
            <Button
              variant="ghost"
              size="sm"
              className="w-full"
              onClick={() => {
                onChange(null);
                setOpen(false);
              }}
            >
              <X />
              {t("table.clearFilter")}
            </Button>
          </div>
        )}
      </PopoverContent>
    </Popover>
  );
}

interface CountryMultiSelectProps extends Omit<TriggerProps, "onBlur"> {
  value: readonly string[];
  onChange: (codes: string[]) => void;
  label: string;
  /** Shown instead of chips when nothing is chosen. */
  emptyText: string;
}

/** Several countries as removable chips plus an "Add countries" list that stays open while ticking. */
export function CountryMultiSelect({ value, onChange, label, emptyText, disabled, ...trigger }: CountryMultiSelectProps) {
  const t = useT();
  const locale = useLocale();
  const options = useCountryOptions();
  const [open, setOpen] = useState(false);
  const selected = useMemo(() => new Set(value), [value]);
  const chips = useMemo(() => options.filter((o) => selected.has(o.value)), [options, selected]);
  const toggle = (code: string) => onChange(selected.has(code) ? value.filter((c) => c !== code) : [...value, code]);

  return (
    <div className="grid gap-2">
      <div className="flex min-h-9 flex-wrap items-center gap-1.5 rounded-md border border-dashed p-1.5" aria-live="polite">
        {chips.length === 0 && <span className="px-1.5 text-sm text-muted-foreground">{emptyText}</span>}
        {chips.map((chip) => (
          <Badge key={chip.value} variant="secondary" className="h-7 gap-1 pr-1 pl-2 font-normal">
            {chip.label}
            <span className="font-mono text-[10px] text-muted-foreground">{chip.value}</span>
            {!disabled && (
              <button
                type="button"
                className="rounded-sm p-0.5 hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
                aria-label={t("kyc.country.remove", { country: countryName(chip.value, locale) })}
                onClick={() => toggle(chip.value)}
              >
                <X className="size-3.5" />
              </button>
            )}
          </Badge>
        ))}
      </div>
      {!disabled && (
        <div className="flex flex-wrap items-center gap-2">
          <Popover open={open} onOpenChange={setOpen}>
            <PopoverTrigger asChild>
              <Button type="button" variant="outline" size="sm" {...trigger}>
                <CirclePlus />
                {t("kyc.country.add")}
              </Button>
            </PopoverTrigger>
            <PopoverContent className="w-72 p-0" align="start">
              <SearchableOptionList options={options} selected={selected} searchLabel={label} multiple onPick={toggle} />
            </PopoverContent>
          </Popover>
          {chips.length > 0 && (
            <>
              <span className="text-sm text-muted-foreground tabular-nums">{t("kyc.country.selected", { count: chips.length })}</span>
              <Button type="button" variant="ghost" size="sm" onClick={() => onChange([])}>
                {t("kyc.country.clear")}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
