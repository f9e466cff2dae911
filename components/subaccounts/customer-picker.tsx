"use client";
/**
 * Picks one of the brand's customers by a server-side search (`customer.list`, so it works at a million
 * customers): an ARIA combobox whose focus stays in the box while ↑/↓ move through the matches and Enter
 * picks one. Closed customers are listed but cannot be picked (a closed customer gets no sub-account).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Check, Search } from "lucide-react";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { cn } from "@/lib/utils";
import type { CustomerRow } from "@/server/customers/types";

export type PickedCustomer = Pick<CustomerRow, "id" | "uid" | "name" | "status">;

interface CustomerPickerProps {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer) => void;
  /** Not offered (e.g. the customer the sub-account already belongs to). */
  excludeId?: string | null;
  disabled?: boolean;
  autoFocus?: boolean;
}

export function CustomerPicker({ value, onChange, excludeId, disabled, autoFocus }: CustomerPickerProps) {
  const t = useT();
  const trpc = useTRPC();
  const listId = useId();
  const hintId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const search = useQuery(
    trpc.customer.list.queryOptions({ q, page: 1, pageSize: 10 }, { enabled: q.length > 0, placeholderData: keepPreviousData, staleTime: 10_000 }),
  );
  const matches = q.length > 0 ? (search.data?.rows ?? []).filter((c) => c.id !== excludeId) : [];
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  const pick = (customer: CustomerRow | undefined) => {
    if (customer && customer.status !== "closed") onChange({ id: customer.id, uid: customer.uid, name: customer.name, status: customer.status });
  };
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
      // Enter picks the highlighted customer instead of submitting the form.
      event.preventDefault();
      pick(matches[activeIndex]);
    }
  };

  const searching = q.length > 0 && (search.isFetching || q !== text.trim());
  return (
    <div className="grid gap-2">
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 && matches.length > 0 ? optionId(activeIndex) : undefined}
          aria-label={t("subaccounts.link.search")}
          aria-describedby={hintId}
          placeholder={t("subaccounts.link.search")}
          autoFocus={autoFocus}
          disabled={disabled}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="pl-9"
        />
        {searching && <Spinner className="absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />}
      </div>
      <p id={hintId} className="text-xs text-muted-foreground">
        {t("subaccounts.link.searchHint")}
      </p>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t("subaccounts.link.results")}
        aria-busy={searching || undefined}
        className="max-h-64 min-h-10 overflow-y-auto rounded-md border p-1"
      >
        {q.length > 0 && !searching && matches.length === 0 && (
          <li className="px-2 py-1.5 text-sm text-muted-foreground">{search.isError ? describeTrpcError(search.error, t).message : t("subaccounts.link.noResults")}</li>
        )}
        {matches.map((customer, index) => {
          const closed = customer.status === "closed";
          const selected = value?.id === customer.id;
          return (
            <li
              key={customer.id}
              id={optionId(index)}
              role="option"
              aria-selected={selected}
              aria-disabled={closed || undefined}
              data-active={index === activeIndex || undefined}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              // Keep focus in the search box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(customer)}
              className={cn(
                "flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm select-none data-[active]:bg-accent data-[active]:text-accent-foreground",
                closed && "text-muted-foreground",
              )}
            >
              <span aria-hidden className="flex size-4 shrink-0 items-center justify-center">
                {selected && <Check className="size-3.5" />}
              </span>
              <span className="truncate">
                {t(closed ? "subaccounts.link.closedOption" : "subaccounts.link.option", { name: customer.name, uid: customer.uid })}
              </span>
              {customer.email && <span className="ml-auto truncate text-xs text-muted-foreground">{customer.email}</span>}
            </li>
          );
        })}
      </ul>
      {value && (
        <p className="text-sm" role="status">
          {t("subaccounts.link.selected", { name: value.name, uid: value.uid })}
        </p>
      )}
    </div>
  );
}
