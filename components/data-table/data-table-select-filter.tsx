"use client";
/**
 * A single-value filter in the same dashed-button style as the faceted filter, as a radio menu
 * (arrow keys and type-ahead work). Controlled: `null` means "any".
 */
import { CirclePlus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Separator } from "@/components/ui/separator";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export interface SelectFilterOption {
  value: string;
  label: string;
}

interface DataTableSelectFilterProps {
  title: string;
  options: readonly SelectFilterOption[];
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  /** Show option labels in monospace (codes such as "staff.create"). */
  mono?: boolean;
}

/** Radix radio groups need a non-empty value for "no filter". */
const ANY = "__any__";

export function DataTableSelectFilter({ title, options, value, onChange, mono }: DataTableSelectFilterProps) {
  const t = useT();
  // A value from the URL that is not (or no longer) an option still shows, so the filter is visible.
  const current = value ? (options.find((o) => o.value === value)?.label ?? value) : null;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed">
          <CirclePlus />
          {title}
          {current && (
            <>
              <Separator orientation="vertical" className="mx-0.5 data-[orientation=vertical]:h-4" />
              <Badge variant="secondary" className={cn("max-w-40 truncate rounded-sm px-1 font-normal", mono && "font-mono")}>
                {current}
              </Badge>
            </>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80 min-w-[12rem] overflow-y-auto">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{title}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={value ?? ANY} onValueChange={(next) => onChange(next === ANY ? null : next)}>
          <DropdownMenuRadioItem value={ANY}>{t("table.any")}</DropdownMenuRadioItem>
          {options.length > 0 && <DropdownMenuSeparator />}
          {options.map((option) => (
            <DropdownMenuRadioItem key={option.value} value={option.value} className={mono ? "font-mono text-xs" : undefined}>
              {option.label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
