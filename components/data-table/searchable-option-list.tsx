"use client";
/**
 * A search box over a long list of options (e.g. 249 countries), as an ARIA combobox: focus stays in the
 * box while ↑/↓ move through the matches and Enter picks one, so typing never loses its place. Used by
 * the searchable faceted filter (several values) and by single-value pickers in forms.
 */
import { Check, Search } from "lucide-react";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

export interface SearchableOption<TValue extends string = string> {
  value: TValue;
  label: string;
}

interface SearchableOptionListProps<TValue extends string> {
  options: readonly SearchableOption<TValue>[];
  selected: ReadonlySet<TValue>;
  onPick: (value: TValue) => void;
  /** Accessible name and placeholder of the search box. */
  searchLabel: string;
  multiple?: boolean;
  className?: string;
}

/** Matches on the label or the value ("sg" finds Singapore), ignoring case and accents. */
export function matchesOption(option: SearchableOption, query: string): boolean {
  const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const q = fold(query.trim());
  return q === "" || fold(option.label).includes(q) || option.value.toLowerCase() === q;
}

export function SearchableOptionList<TValue extends string>({
  options,
  selected,
  onPick,
  searchLabel,
  multiple = false,
  className,
}: SearchableOptionListProps<TValue>) {
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const matches = options.filter((option) => matchesOption(option, query));
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  const move = (index: number) => {
    setActive(index);
    listRef.current?.querySelector(`#${CSS.escape(optionId(index))}`)?.scrollIntoView({ block: "nearest" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (matches.length === 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move((activeIndex + 1) % matches.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move((activeIndex - 1 + matches.length) % matches.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = matches[activeIndex];
      if (option) onPick(option.value);
    }
  };

  return (
    <div className={cn("flex flex-col", className)}>
      <div className="relative border-b p-1">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-label={searchLabel}
          placeholder={searchLabel}
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="h-8 border-0 pl-8 shadow-none focus-visible:ring-0 dark:bg-transparent"
        />
      </div>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={searchLabel}
        aria-multiselectable={multiple || undefined}
        className="max-h-72 overflow-y-auto p-1"
      >
        {matches.length === 0 && <li className="px-2 py-1.5 text-sm text-muted-foreground">{t("table.noMatches")}</li>}
        {matches.map((option, index) => {
          const isSelected = selected.has(option.value);
          return (
            <li
              key={option.value}
              id={optionId(index)}
              role="option"
              aria-selected={isSelected}
              data-active={index === activeIndex || undefined}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              // Keep focus in the search box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(option.value)}
              className="flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm select-none data-[active]:bg-accent data-[active]:text-accent-foreground"
            >
              <span
                aria-hidden
                className={cn(
                  "flex size-4 shrink-0 items-center justify-center",
                  multiple && "rounded-[4px] border border-input",
                  multiple && isSelected && "border-primary bg-primary text-primary-foreground",
                )}
              >
                {isSelected && <Check className="size-3.5" />}
              </span>
              <span className="truncate">{option.label}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
