"use client";
/**
 * A customer's withdrawal address book (on the customer page, under their sub-accounts): each address
 * with its chain, label and when it becomes usable; staff who may request withdrawals add and remove.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BookUser, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { FormDialog, TextField } from "@/components/form-dialog";
import { LoadError } from "@/components/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Permission } from "@/lib/auth/permissions";
import { checkedBy } from "@/lib/forms/checked-by";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ZAddAddressInput } from "@/lib/withdrawals/schemas";
import type { WithdrawalAddressRow } from "@/server/withdrawals/types";

export function WithdrawalAddressBook({ customerId, granted }: { customerId: string; granted: readonly Permission[] }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dateTime = useDateTimeFormat();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WithdrawalAddressRow | null>(null);
  const canEdit = granted.includes("withdrawal.request");
  const book = useQuery(trpc.withdrawal.addresses.queryOptions({ customerId }));
  const settings = useQuery(trpc.withdrawal.settings.queryOptions());
  const remove = useMutation(
    trpc.withdrawal.removeAddress.mutationOptions({
      onSuccess: () => {
        toast.success(t("withdrawals.book.removed"));
        setRemoving(null);
        void queryClient.invalidateQueries(trpc.withdrawal.addresses.pathFilter());
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );
  if (!granted.includes("withdrawal.read")) return null;

  let body;
  if (book.isPending) body = <Skeleton className="h-24" />;
  else if (book.isError) body = <LoadError title={t("withdrawals.book.loadError")} error={book.error} onRetry={() => void book.refetch()} />;
  else if (book.data.length === 0) body = <EmptyState icon={BookUser} className="border-0" title={t("withdrawals.book.empty")} />;
  else
    body = (
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("withdrawals.columns.chain")}</TableHead>
            <TableHead>{t("withdrawals.columns.address")}</TableHead>
            <TableHead>{t("withdrawals.book.label")}</TableHead>
            <TableHead>{t("withdrawals.book.usableFrom")}</TableHead>
            {canEdit && <TableHead className="sr-only">{t("withdrawals.book.remove")}</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {book.data.map((e) => (
            <TableRow key={e.id}>
              <TableCell className="whitespace-nowrap">{e.chain}</TableCell>
              <TableCell className="max-w-72 break-all font-mono text-xs">{e.tag ? `${e.address} · ${e.tag}` : e.address}</TableCell>
              <TableCell>{e.label || "—"}</TableCell>
              <TableCell className="whitespace-nowrap">
                <Badge variant={e.usable ? "success" : "warning"}>{e.usable ? t("withdrawals.book.usable") : t("withdrawals.book.coolingOff")}</Badge>{" "}
                <span className="text-xs text-muted-foreground tabular-nums">{dateTime.format(e.usableFrom)}</span>
              </TableCell>
              {canEdit && (
                <TableCell className="text-right">
                  <Button variant="ghost" size="icon" className="size-7" aria-label={t("withdrawals.book.remove")} onClick={() => setRemoving(e)}>
                    <Trash2 />
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );

  return (
    <Card className="mt-4" data-testid="withdrawal-address-book">
      <CardHeader>
        <CardTitle>{t("withdrawals.book.title")}</CardTitle>
        <CardDescription>{t("withdrawals.book.description", { hours: settings.data?.coolingOffHours ?? "—" })}</CardDescription>
        {canEdit && (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setAdding(true)}>
              <Plus />
              {t("withdrawals.book.add")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent>{body}</CardContent>
      {adding && <AddAddressDialog customerId={customerId} onClose={() => setAdding(false)} />}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => !next && setRemoving(null)}
        title={t("withdrawals.book.removeTitle")}
        description={removing ? `${removing.chain} · ${removing.address}` : ""}
        confirmLabel={t("withdrawals.book.remove")}
        cancelLabel={t("withdrawals.form.cancel")}
        destructive
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
      />
    </Card>
  );
}

const ZForm = checkedBy(z.object({ customerId: z.string(), ccy: z.string(), chain: z.string(), address: z.string(), tag: z.string(), label: z.string() }), ZAddAddressInput);
type Values = z.input<typeof ZForm>;
const MESSAGES: FieldMessages<Values> = { invalid: { ccy: "withdrawals.form.currency", chain: "withdrawals.form.chainPlaceholder", address: "withdrawals.form.address", tag: "withdrawals.form.tag", label: "withdrawals.book.label" } };

function AddAddressDialog({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dateTime = useDateTimeFormat();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZForm>>({
    resolver: useLocalizedResolver(zodResolver(ZForm), MESSAGES),
    defaultValues: { customerId, ccy: "USDT", chain: "USDT-TRC20", address: "", tag: "", label: "" },
  });
  const add = useMutation(
    trpc.withdrawal.addAddress.mutationOptions({
      onSuccess: (entry) => {
        toast.success(t("withdrawals.form.added", { time: dateTime.format(entry.usableFrom) }));
        void queryClient.invalidateQueries(trpc.withdrawal.addresses.pathFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );
  return (
    <FormDialog
      form={form}
      title={t("withdrawals.book.addTitle")}
      description={t("withdrawals.form.newAddressHint")}
      pending={add.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("withdrawals.book.add")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        add.mutate(values);
      })}
    >
      <TextField control={form.control} name="ccy" label={t("withdrawals.form.currency")} />
      <TextField control={form.control} name="chain" label={t("withdrawals.form.chain")} />
      <TextField control={form.control} name="address" label={t("withdrawals.form.address")} input={{ className: "font-mono", autoComplete: "off" }} />
      <TextField control={form.control} name="tag" label={t("withdrawals.form.tag")} />
      <TextField control={form.control} name="label" label={t("withdrawals.book.label")} />
    </FormDialog>
  );
}
