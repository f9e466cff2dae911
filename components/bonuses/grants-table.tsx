"use client";
/**
 * A table of bonus grants with their accounting (amount, remaining, released, clawed back, shortfall) and the
 * actions the caller may take: approve / reject a pending grant (bonus.approve, never one's own request — the
 * server refuses that too), revoke what is left of an applied one (bonus.manage).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Amount } from "@/components/ui/amount";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { GrantRow } from "@/server/bonuses/types";
import { GrantStatusBadge } from "./bonus-badges";
import { ReasonActionDialog } from "./reason-action-dialog";

interface GrantsTableProps {
  caption: string;
  rows: GrantRow[];
  canManage: boolean;
  canApprove: boolean;
  /** The signed-in staff member: their own requests get no approve button. */
  selfId?: string;
  /** Hide the customer column (the customer page). */
  showCustomer?: boolean;
  /** Show which campaign granted each (the customer page; the campaign page is one campaign). */
  showCampaign?: boolean;
}

const clawed = (g: GrantRow) => {
  // Display only: expired + revoked side by side, each formatted from the server's exact decimal string.
  if (/^0(\.0*)?$/.test(g.expired)) return <Amount value={g.revoked} />;
  if (/^0(\.0*)?$/.test(g.revoked)) return <Amount value={g.expired} />;
  return (
    <>
      <Amount value={g.expired} /> + <Amount value={g.revoked} />
    </>
  );
};

export function GrantsTable({ caption, rows, canManage, canApprove, selfId, showCustomer = true, showCampaign = false }: GrantsTableProps) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const date = useDateTimeFormat("dateTime");
  const [rejecting, setRejecting] = useState<GrantRow | null>(null);
  const [revoking, setRevoking] = useState<GrantRow | null>(null);
  const reject = useMutation(trpc.bonus.grant.reject.mutationOptions());
  const revoke = useMutation(trpc.bonus.grant.revoke.mutationOptions());
  /** What changed, named: "Grant of 5 USDT to 孙军 approved". */
  const said = (g: GrantRow) => ({ amount: f.decimal(g.amount), currency: g.currency, customer: g.customer.name });
  const approve = useMutation(
    trpc.bonus.grant.approve.mutationOptions({
      onSuccess: (g) => {
        toast.success(t("bonuses.grants.approved", said(g)));
        void queryClient.invalidateQueries(trpc.bonus.pathFilter());
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );

  return (
    <>
      <Table>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {showCustomer && <TableHead>{t("bonuses.grants.customer")}</TableHead>}
            {showCampaign && <TableHead>{t("bonuses.grants.campaign")}</TableHead>}
            <TableHead>{t("bonuses.grants.account")}</TableHead>
            <TableHead className="text-right">{t("bonuses.grants.amount")}</TableHead>
            <TableHead className="text-right">{t("bonuses.grants.remaining")}</TableHead>
            <TableHead className="text-right">{t("bonuses.grants.released")}</TableHead>
            <TableHead className="text-right">{t("bonuses.grants.clawedBack")}</TableHead>
            <TableHead className="text-right">{t("bonuses.grants.shortfall")}</TableHead>
            <TableHead>{t("bonuses.grants.status")}</TableHead>
            <TableHead>{t("bonuses.grants.expiresAt")}</TableHead>
            <TableHead>{t("bonuses.grants.createdAt")}</TableHead>
            {(canManage || canApprove) && <TableHead>{t("bonuses.grants.actions")}</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((g) => (
            <TableRow key={g.id}>
              {showCustomer && (
                <TableCell>
                  <span className="font-medium">{g.customer.name}</span> <span className="font-mono text-xs text-muted-foreground">{g.customer.uid}</span>
                </TableCell>
              )}
              {showCampaign && (
                <TableCell>
                  {g.campaignId ? (
                    <Link href={`/bonuses/${g.campaignId}`} className="underline-offset-4 hover:underline">
                      {g.campaignName}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">{t("bonuses.grants.noCampaign")}</span>
                  )}
                </TableCell>
              )}
              <TableCell>
                {g.tradingAccount.type} {g.currency}
                <span className="block text-xs text-muted-foreground">{g.withdrawable ? t("bonuses.withdrawable") : t("bonuses.nonWithdrawable")}</span>
              </TableCell>
              <TableCell className="text-right font-mono tabular-nums"><Amount value={g.amount} /></TableCell>
              <TableCell className="text-right font-mono tabular-nums"><Amount value={g.remaining} /></TableCell>
              <TableCell className="text-right font-mono tabular-nums"><Amount value={g.released} /></TableCell>
              <TableCell className="text-right font-mono tabular-nums">{clawed(g)}</TableCell>
              <TableCell className="text-right font-mono tabular-nums"><Amount value={g.shortfall} /></TableCell>
              <TableCell>
                <GrantStatusBadge status={g.status} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{g.expiresAt ? date.format(g.expiresAt) : t("bonuses.none")}</TableCell>
              <TableCell className="whitespace-nowrap">{date.format(g.createdAt)}</TableCell>
              {(canManage || canApprove) && (
                <TableCell className="whitespace-nowrap">
                  {g.status === "pending_approval" && !g.batchId && canApprove && g.requestedBy?.id !== selfId && (
                    <>
                      <Button size="sm" variant="outline" pending={approve.isPending && approve.variables?.id === g.id} onClick={() => approve.mutate({ id: g.id })}>
                        {t("bonuses.grants.approve")}
                      </Button>{" "}
                      <Button size="sm" variant="ghost" onClick={() => setRejecting(g)}>
                        {t("bonuses.grants.reject")}
                      </Button>
                    </>
                  )}
                  {g.status === "applied" && canManage && (
                    <Button size="sm" variant="ghost" onClick={() => setRevoking(g)}>
                      {t("bonuses.grants.revoke")}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rejecting && (
        <ReasonActionDialog
          title={t("bonuses.grants.rejectTitle")}
          description={t("bonuses.grants.rejectBody")}
          confirmLabel={t("bonuses.grants.reject")}
          doneMessage={t("bonuses.grants.rejected", said(rejecting))}
          destructive
          run={(reason) => reject.mutateAsync({ id: rejecting.id, reason })}
          onClose={() => setRejecting(null)}
        />
      )}
      {revoking && (
        <ReasonActionDialog
          title={t("bonuses.grants.revokeTitle")}
          description={t("bonuses.grants.revokeBody", { amount: f.decimal(revoking.remaining), currency: revoking.currency })}
          confirmLabel={t("bonuses.grants.revoke")}
          doneMessage={t("bonuses.grants.revoked", said(revoking))}
          destructive
          run={(reason) => revoke.mutateAsync({ grantId: revoking.id, reason })}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}
