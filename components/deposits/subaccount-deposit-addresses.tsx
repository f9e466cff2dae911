"use client";
/**
 * A sub-account's deposit addresses on the sub-account page: what is stored renders at once; a currency
 * can be loaded from the exchange; operations and admins add addresses and change the receiving account —
 * one setting for all of the sub-account's addresses, which the panel shows once, above the list.
 * A removed sub-account shows its addresses as last seen, read-only.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeftRight, Plus, RefreshCw, TriangleAlert, Wallet } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { toast } from "sonner";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { DepositAddressRow } from "@/server/deposits/types";
import { AddAddressDialog } from "./add-address-dialog";
import { ChangeReceivingDialog } from "./change-receiving-dialog";
import { useDepositCurrencies } from "./use-deposit-currencies";

const EXTRAS = ["memo", "tag", "pmtId", "comment"] as const;
const CCY = /^[A-Z0-9]{1,20}$/;

export function SubaccountDepositAddresses({ subaccountId, canManage }: { subaccountId: string; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const currenciesId = useId();
  const [ccyText, setCcyText] = useState("");
  const [dialog, setDialog] = useState<"add" | "change" | null>(null);
  const stored = useQuery(trpc.deposit.storedAddresses.queryOptions({ subaccountId }));
  const offered = useDepositCurrencies();

  const ccy = ccyText.trim().toUpperCase();
  const load = useMutation({
    ...trpc.deposit.refreshAddresses.mutationOptions(),
    onSuccess: (result) => {
      if (result.rows.length === 0) toast.info(t("deposits.addresses.emptyCurrency", { ccy: result.ccy }));
      return queryClient.invalidateQueries(trpc.deposit.storedAddresses.queryFilter({ subaccountId }));
    },
    onError: (error) => toast.error(describeTrpcError(error, t).message),
  });

  const data = stored.data;
  const removed = data?.subaccount.removed ?? false;
  const manage = canManage && !removed;
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => !ccy || r.ccy === ccy), [data, ccy]);
  // The stored currencies first, then the ones the exchange takes deposits in (none while loading or failed).
  const currencies = useMemo(() => [...new Set([...(data?.rows ?? []).map((r) => r.ccy), ...offered.list.map((c) => c.ccy)])], [data, offered.list]);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h2 id={headingId} className="text-base font-semibold">
            {t("deposits.addresses.title")}
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">{t("deposits.addresses.description")}</p>
        </div>
        {manage && (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="outline" disabled={!data?.rows.length} onClick={() => setDialog("change")}>
              <ArrowLeftRight />
              {t("deposits.addresses.changeReceiving")}
            </Button>
            <Button size="sm" onClick={() => setDialog("add")}>
              <Plus />
              {t("deposits.addresses.add")}
            </Button>
          </div>
        )}
      </div>

      {removed && (
        <Alert role="status">
          <TriangleAlert aria-hidden />
          <AlertDescription>{t("deposits.addresses.removed")}</AlertDescription>
        </Alert>
      )}

      {data && (
        <p className="text-sm" aria-live="polite">
          {data.receivingAccount ? (
            <>
              {t("deposits.addresses.receivingNow", { account: t(`deposits.receiving.${data.receivingAccount}`) })}{" "}
              <span className="text-muted-foreground">({data.receivingAccount})</span>
            </>
          ) : (
            <span className="text-muted-foreground">{t("deposits.addresses.receivingUnknown")}</span>
          )}
        </p>
      )}

      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (manage && CCY.test(ccy)) load.mutate({ subaccountId, ccy });
        }}
      >
        <div className="grid gap-1.5">
          <Label htmlFor={`${currenciesId}-input`}>{t("deposits.addresses.currency")}</Label>
          <Input
            id={`${currenciesId}-input`}
            className="h-8 w-40 uppercase"
            list={currenciesId}
            aria-busy={offered.loading}
            autoComplete="off"
            spellCheck={false}
            placeholder={t("deposits.addresses.currencyPlaceholder")}
            value={ccyText}
            onChange={(event) => setCcyText(event.target.value)}
          />
          <datalist id={currenciesId}>
            {currencies.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        {manage && (
          <Button type="submit" size="sm" variant="outline" className="h-8" disabled={!CCY.test(ccy)} pending={load.isPending} title={t("deposits.addresses.showHint")}>
            <RefreshCw />
            {t("deposits.addresses.show")}
          </Button>
        )}
      </form>

      <AddressList query={stored} rows={rows} filtered={Boolean(ccy)} />

      {dialog === "add" && <AddAddressDialog subaccountId={subaccountId} initialCcy={CCY.test(ccy) ? ccy : undefined} onClose={() => setDialog(null)} />}
      {dialog === "change" && data && (
        <ChangeReceivingDialog subaccountId={subaccountId} addresses={data.rows} current={data.receivingAccount} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

function AddressList({ query, rows, filtered }: { query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; rows: DepositAddressRow[]; filtered: boolean }) {
  const t = useT();
  const date = useDateTimeFormat("date");
  if (query.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <LoadError title={t("deposits.addresses.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (rows.length === 0) {
    return <EmptyState icon={Wallet} title={t("deposits.addresses.empty")} description={filtered ? undefined : t("deposits.addresses.emptyHint")} />;
  }
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table aria-label={t("deposits.addresses.list")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("deposits.addresses.columns.currency")}</TableHead>
            <TableHead>{t("deposits.addresses.columns.chain")}</TableHead>
            <TableHead>{t("deposits.addresses.columns.address")}</TableHead>
            <TableHead>{t("deposits.addresses.columns.memo")}</TableHead>
            <TableHead>{t("deposits.addresses.columns.receiving")}</TableHead>
            <TableHead>{t("deposits.addresses.columns.created")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const extraKind = EXTRAS.find((k) => row[k]);
            const extra = extraKind ? row[extraKind] : null;
            return (
              <TableRow key={row.id}>
                <TableCell className="font-medium">{row.ccy}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {row.chain}
                  {row.selected && (
                    <Badge variant="secondary" className="ml-2 font-normal" title={t("deposits.addresses.selectedHint")}>
                      {t("deposits.addresses.selected")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <span className="flex items-center gap-1">
                    <span className="block max-w-72 truncate font-mono text-xs" title={row.address}>
                      {row.address}
                    </span>
                    <CopyButton value={row.address} variant="ghost" size="icon-sm" className="size-7 shrink-0" aria-label={t("deposits.addresses.copyAddress")} />
                  </span>
                </TableCell>
                <TableCell>
                  {extra && extraKind ? (
                    <span className="flex items-center gap-1 whitespace-nowrap">
                      <span className="text-xs text-muted-foreground">{t(`deposits.addresses.extra.${extraKind}`)}</span>
                      <span className="font-mono text-xs">{extra}</span>
                      <CopyButton
                        value={extra}
                        variant="ghost"
                        size="icon-sm"
                        className="size-7 shrink-0"
                        aria-label={t("deposits.addresses.copyMemo", { kind: t(`deposits.addresses.extra.${extraKind}`) })}
                      />
                    </span>
                  ) : (
                    <span className="text-muted-foreground">{t("deposits.none")}</span>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">{t(`deposits.receiving.${row.receivingAccount === "18" ? "18" : "6"}`)}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums text-muted-foreground">
                  {row.exchangeCreatedAt ? date.format(row.exchangeCreatedAt) : t("deposits.none")}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
