"use client";
/**
 * Choosing one country out of ~250: a button showing the choice that opens a search box with the
 * matching countries (names in the reader's language), optionally only some of them (`only`). Props from
 * <FormControl> (id, aria-*, ref) land on the button, so the form label names it.
 */
import { ChevronsUpDown } from "lucide-react";
import { useMemo, useState, type ComponentProps } from "react";
import { SearchableOptionList } from "@/components/data-table/searchable-option-list";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useCountryOptions } from "@/lib/countries-client";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

interface CountrySelectProps extends Omit<ComponentProps<typeof Button>, "value" | "onChange"> {
  value: string | undefined;
  onChange: (code: string) => void;
  placeholder: string;
  /** Offer only these codes (e.g. the countries accepted for corporate accounts). */
  only?: readonly string[];
}

export function CountrySelect({ value, onChange, placeholder, only, className, ...buttonProps }: CountrySelectProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const options = useCountryOptions(only);
  const selected = useMemo(() => new Set(value ? [value] : []), [value]);
  const label = options.find((option) => option.value === value)?.label;

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          type="button"
          variant="outline"
          className={cn("w-full justify-between px-3 font-normal", !label && "text-muted-foreground", className)}
          {...buttonProps}
        >
          <span className="truncate">{label ?? placeholder}</span>
          <ChevronsUpDown aria-hidden className="opacity-50" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-(--radix-popover-trigger-width) min-w-64 p-0">
        <SearchableOptionList
          options={options}
          selected={selected}
          searchLabel={t("customers.form.countrySearch")}
          onPick={(code) => {
            onChange(code);
            setOpen(false);
          }}
        />
      </PopoverContent>
    </Popover>
  );
}
