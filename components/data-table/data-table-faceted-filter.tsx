"use client";
/**
 * A multi-select filter: a dashed button naming the filter and its selection, opening a menu of
 * checkboxes. Built on the dropdown menu so arrow keys, type-ahead and Escape work; the menu stays open
 * while ticking several values. Controlled: the page maps it to a URL param (`role=admin,support`).
 */
import { CirclePlus, X } from "lucide-react";
import type { ComponentType } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Separator } from "@/components/ui/separator";
import { useT } from "@/lib/i18n/client";

export interface FacetOption<TValue extends string = string> {
  value: TValue;
  label: string;
  icon?: ComponentType<{ className?: string }>;
  /** Optional number of matching rows, shown at the right. */
  count?: number;
}

interface DataTableFacetedFilterProps<TValue extends string> {
  title: string;
  options: readonly FacetOption<TValue>[];
  value: readonly TValue[] | undefined;
  onChange: (value: TValue[]) => void;
}

/** Above this many selected values the button says "3 selected" instead of listing them. */
const MAX_BADGES = 2;

export function DataTableFacetedFilter<TValue extends string>({ title, options, value, onChange }: DataTableFacetedFilterProps<TValue>) {
  const t = useT();
  const selected = new Set<TValue>(value ?? []);

  const toggle = (option: TValue, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(option);
    else next.delete(option);
    // Keep the options' order so equal selections give equal URLs.
    onChange(options.filter((o) => next.has(o.value)).map((o) => o.value));
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed">
          <CirclePlus />
          {title}
          {selected.size > 0 && (
            <>
              <Separator orientation="vertical" className="mx-0.5 data-[orientation=vertical]:h-4" />
              {selected.size > MAX_BADGES ? (
                <Badge variant="secondary" className="rounded-sm px-1 font-normal">
                  {t("table.selectedCount", { count: selected.size })}
                </Badge>
              ) : (
                options
                  .filter((o) => selected.has(o.value))
                  .map((o) => (
                    <Badge key={o.value} variant="secondary" className="rounded-sm px-1 font-normal">
                      {o.label}
                    </Badge>
                  ))
              )}
            </>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-[12rem]">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{title}</DropdownMenuLabel>
        {options.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("table.noMatches")}</p>}
        {options.map((option) => {
          const Icon = option.icon;
          return (
            <DropdownMenuCheckboxItem
              key={option.value}
              checked={selected.has(option.value)}
              onCheckedChange={(checked) => toggle(option.value, checked === true)}
              onSelect={(event) => event.preventDefault()}
            >
              {Icon && <Icon className="size-4 text-muted-foreground" />}
              <span className="truncate">{option.label}</span>
              {option.count !== undefined && (
                <span className="ml-auto pl-4 font-mono text-xs text-muted-foreground tabular-nums">{option.count}</span>
              )}
            </DropdownMenuCheckboxItem>
          );
        })}
        {selected.size > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange([])} className="justify-center">
              <X />
              {t("table.clearFilter")}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
