"use client";
/**
 * A sub-account's API keys, on the sub-account page: the keys (masked) with their permissions, bound IPs
 * and the unbound-key warning; for managers, "Create API key" (secret shown once), "Refresh from
 * exchange", and per key Edit, Reveal secret (step-up) and Delete (confirmed).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus, RefreshCw, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { ApiKeyCredentials, ApiKeyRow } from "@/server/api-keys/types";
import { IpList, PermBadges, RiskyBadge } from "./api-key-badges";
import { ApiKeyCredentialsDialog } from "./api-key-credentials-dialog";
import { ApiKeyRowActions } from "./api-key-row-actions";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

interface SubaccountApiKeysProps {
  subaccountId: string;
  subAcct: string;
  /** apikey.manage: create, refresh, edit, reveal and delete. */
  canManage: boolean;
}

export function SubaccountApiKeys({ subaccountId, subAcct, canManage }: SubaccountApiKeysProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.apiKey.listForSubaccount.queryOptions({ subaccountId }));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCredentials | null>(null);
  const removed = query.data?.subaccount.removed ?? false;
  const refresh = useMutation(
    trpc.apiKey.refresh.mutationOptions({
      onSuccess: (summary) => {
        toast.success(t("apiKeys.toast.refreshed", { ...summary }));
        void queryClient.invalidateQueries(trpc.apiKey.pathFilter());
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );
  const openCreate = () => setCreating(true);
  const createButton = (
    <Button size="sm" onClick={openCreate}>
      <Plus />
      {t("apiKeys.panel.create")}
    </Button>
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{t("apiKeys.panel.title")}</h2>
        </CardTitle>
        <CardDescription>{t("apiKeys.panel.description", { subAcct })}</CardDescription>
        {canManage && !removed && (
          <CardAction className="flex flex-wrap gap-2">
            <Button size="sm" variant="outline" pending={refresh.isPending} onClick={() => refresh.mutate({ subaccountId })}>
              {!refresh.isPending && <RefreshCw />}
              {t("apiKeys.panel.refresh")}
            </Button>
            {createButton}
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid gap-3">
        {removed && (
          <Alert variant="warning">
            <TriangleAlert aria-hidden />
            <AlertDescription className="text-foreground">{t("apiKeys.panel.removedSubaccount")}</AlertDescription>
          </Alert>
        )}
        {query.isPending ? (
          <div className="grid gap-2" aria-busy>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <Alert variant="destructive" role="alert">
            <TriangleAlert aria-hidden />
            <AlertDescription>
              <p>
                {t("apiKeys.panel.loadFailed")} {describeTrpcError(query.error, t).message}
              </p>
              <Button size="sm" variant="outline" className="mt-2" onClick={() => void query.refetch()}>
                {t("common.retry")}
              </Button>
            </AlertDescription>
          </Alert>
        ) : query.data.rows.length === 0 ? (
          <EmptyState
            icon={KeyRound}
            title={t("apiKeys.panel.emptyTitle")}
            description={t("apiKeys.panel.emptyHint")}
            action={canManage && !removed ? createButton : undefined}
          />
        ) : (
          <KeysTable rows={query.data.rows} subAcct={subAcct} canManage={canManage} readOnly={removed} />
        )}
      </CardContent>

      {creating && (
        <CreateApiKeyDialog
          subaccountId={subaccountId}
          subAcct={subAcct}
          onClose={() => setCreating(false)}
          onCreated={(credentials) => {
            setCreating(false);
            setCreated(credentials);
          }}
        />
      )}
      {created && <ApiKeyCredentialsDialog credentials={created} mode="created" onClose={() => setCreated(null)} />}
    </Card>
  );
}

function KeysTable({ rows, subAcct, canManage, readOnly }: { rows: ApiKeyRow[]; subAcct: string; canManage: boolean; readOnly: boolean }) {
  const t = useT();
  const dateTime = useDateTimeFormat();
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table aria-label={t("apiKeys.panel.caption", { subAcct })}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("apiKeys.columns.label")}</TableHead>
            <TableHead>{t("apiKeys.columns.apiKey")}</TableHead>
            <TableHead>{t("apiKeys.columns.perms")}</TableHead>
            <TableHead>{t("apiKeys.columns.ips")}</TableHead>
            <TableHead>{t("apiKeys.columns.createdAt")}</TableHead>
            <TableHead>{t("apiKeys.columns.status")}</TableHead>
            {canManage && <TableHead className="w-10 text-right">{<span className="sr-only">{t("apiKeys.columns.actions")}</span>}</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid={`api-key-${row.id}`}>
              <TableCell className="font-medium">{row.label}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{row.apiKeyMasked}</TableCell>
              <TableCell>
                <PermBadges perms={row.perms} />
              </TableCell>
              <TableCell>
                <IpList ips={row.ips} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <div className="grid">
                  <span className="tabular-nums">{dateTime.format(row.exchangeCreatedAt)}</span>
                  <span className="text-xs text-muted-foreground">
                    {row.createdBy ? t("apiKeys.createdBy", { name: row.createdBy.name }) : t("apiKeys.createdByExchange")}
                  </span>
                </div>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {row.risky && <RiskyBadge />}
                  {!row.hasStoredSecret && (
                    <Badge variant="outline" className="text-muted-foreground" title={t("apiKeys.secretNotStoredHint")}>
                      {t("apiKeys.secretNotStored")}
                    </Badge>
                  )}
                  {!row.risky && row.hasStoredSecret && <span className="text-muted-foreground">{t("apiKeys.none")}</span>}
                </div>
              </TableCell>
              {canManage && (
                <TableCell className="text-right">
                  <ApiKeyRowActions row={row} readOnly={readOnly} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
