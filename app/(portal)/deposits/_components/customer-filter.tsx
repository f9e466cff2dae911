"use client";
/**
 * The deposits table's customer filter: a dashed button like the other filters, opening a search over
 * the brand's customers (name, email or UID); picking one shows the deposits to their sub-accounts.
 */
import { useQuery } from "@tanstack/react-query";
import { CirclePlus, X } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";
import { Spinner } from "@/components/ui/spinner";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

export function CustomerFilter({ value, onChange }: { value: string | undefined; onChange: (customerId: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const chosen = useQuery(trpc.customer.get.queryOptions({ id: value ?? "" }, { enabled: Boolean(value), staleTime: 60_000, retry: false }));
  const found = useQuery(trpc.customer.list.queryOptions({ page: 1, pageSize: 10, q }, { enabled: open && q.length > 0, staleTime: 30_000 }));
  const label = value ? (chosen.data?.name ?? t("deposits.filters.unknownCustomer")) : null;

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed">
          <CirclePlus />
          {t("deposits.filters.customer")}
          {label && (
            <>
              <Separator orientation="vertical" className="mx-0.5 data-[orientation=vertical]:h-4" />
              <Badge variant="secondary" className="max-w-40 truncate rounded-sm px-1 font-normal">
                {label}
              </Badge>
            </>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-72 p-2">
        <Input
          autoFocus
          aria-label={t("deposits.filters.customerSearch")}
          placeholder={t("deposits.filters.customerSearch")}
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="h-8"
        />
        <div className="mt-2 max-h-64 overflow-y-auto" role="listbox" aria-label={t("deposits.filters.customer")}>
          {!q && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("deposits.filters.customerTypeToSearch")}</p>}
          {q && found.isFetching && !found.data && (
            <p className="flex items-center gap-2 px-2 py-1.5 text-sm text-muted-foreground">
              <Spinner /> {t("common.loading")}
            </p>
          )}
          {q && found.data?.rows.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("deposits.filters.customerNoMatch")}</p>}
          {q &&
            found.data?.rows.map((c) => (
              <button
                key={c.id}
                type="button"
                role="option"
                aria-selected={c.id === value}
                className="flex w-full flex-col items-start rounded-sm px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:bg-accent"
                onClick={() => {
                  onChange(c.id);
                  setOpen(false);
                }}
              >
                <span className="font-medium">{c.name}</span>
                <span className="text-xs text-muted-foreground">
                  {c.uid}
                  {c.email ? ` · ${c.email}` : ""}
                </span>
              </button>
            ))}
        </div>
        {value && (
          <div className="mt-2 border-t pt-1">
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
              {t("deposits.filters.anyCustomer")}
            </Button>
          </div>
        )}
      </PopoverContent>
    </Popover>
  );
}
