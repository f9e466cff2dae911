"use client";
/**
 * A multi-select filter: a dashed button naming the filter and its selection, opening a menu of
 * checkboxes. Built on the dropdown menu so arrow keys, type-ahead and Escape work; the menu stays open
 * while ticking several values. Long lists (`searchable`, e.g. countries) open a search box with the
 * matching options instead. Controlled: the page maps it to a URL param (`role=admin,support`).
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
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";
import { useT } from "@/lib/i18n/client";
import { SearchableOptionList } from "./searchable-option-list";

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
  /** For long lists: a search box over the options; its accessible name and placeholder. */
  searchLabel?: string;
  /** The options are still being fetched: the menu says so below the ones it already has. */
  loading?: boolean;
}

/** Above this many selected values the button says "3 selected" instead of listing them. */
const MAX_BADGES = 2;

export function DataTableFacetedFilter<TValue extends string>({
  title,
  options,
  value,
  onChange,
  searchLabel,
  loading = false,
}: DataTableFacetedFilterProps<TValue>) {
  const t = useT();
  const selected = new Set<TValue>(value ?? []);

  const toggle = (option: TValue, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(option);
    else next.delete(option);
    // Keep the options' order so equal selections give equal URLs.
    onChange(options.filter((o) => next.has(o.value)).map((o) => o.value));
  };
  const trigger = <FacetTrigger title={title} options={options} selected={selected} />;

  if (searchLabel) {
    return (
      <Popover>
        <PopoverTrigger asChild>{trigger}</PopoverTrigger>
        <PopoverContent align="start" className="w-64 p-0">
          <SearchableOptionList
            multiple
            options={options}
            selected={selected}
            searchLabel={searchLabel}
            onPick={(option) => toggle(option, !selected.has(option))}
          />
          {selected.size > 0 && (
            <div className="border-t p-1">
              <Button variant="ghost" size="sm" className="w-full" onClick={() => onChange([])}>
                <X />
                {t("table.clearFilter")}
              </Button>
            </div>
          )}
        </PopoverContent>
      </Popover>
    );
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80 min-w-[12rem] overflow-y-auto">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{title}</DropdownMenuLabel>
        {options.length === 0 && !loading && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("table.noMatches")}</p>}
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
        {loading && (
          <p role="status" className="px-2 py-1.5 text-sm text-muted-foreground">
            {t("common.loading")}
          </p>
        )}
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

interface FacetTriggerProps<TValue extends string> extends React.ComponentProps<typeof Button> {
  title: string;
  options: readonly FacetOption<TValue>[];
  selected: ReadonlySet<TValue>;
}

/** The dashed button: the filter's name and what is selected. Forwards the props a menu trigger adds. */
function FacetTrigger<TValue extends string>({ title, options, selected, ...props }: FacetTriggerProps<TValue>) {
  const t = useT();
  return (
    <Button variant="outline" size="sm" className="h-8 border-dashed" {...props}>
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
                <Badge key={o.value} variant="secondary" className="max-w-32 truncate rounded-sm px-1 font-normal">
                  {o.label}
                </Badge>
              ))
          )}
        </>
      )}
    </Button>
  );
}
