"use client";
/**
 * Risk control status: the global switch (platform admins) and the brand's (its admins), each with its
 * state, who set it, when and why, and a toggle confirmed with a reason. Says plainly what "off" means
 * and that turning it on again applies nothing to the events opened meanwhile.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { ReasonConfirmDialog, type ReasonRefusal } from "@/components/customers/reason-confirm-dialog";
import { LoadError } from "@/components/load-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { RiskSwitch } from "@/server/risk/types";

type Scope = "global" | "brand";

function SwitchCard({ scope, value, canChange, onChange }: { scope: Scope; value: RiskSwitch; canChange: boolean; onChange: () => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Card data-testid={`risk-switch-${scope}`}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t(scope === "global" ? "risk.controls.global" : "risk.controls.brand")}
          <Badge variant={value.enforce ? "success" : "warning"}>{t(value.enforce ? "risk.controls.on" : "risk.controls.off")}</Badge>
        </CardTitle>
        <CardDescription>
          {value.changedAt
            ? t("risk.controls.changed", { by: value.changedBy ?? "—", at: format.date(value.changedAt), reason: value.reason ?? "—" })
            : t("risk.controls.neverChanged")}
        </CardDescription>
      </CardHeader>
      {canChange && (
        <CardContent>
          <Button variant={value.enforce ? "destructive" : "default"} onClick={onChange}>
            {t(value.enforce ? "risk.controls.turnOff" : "risk.controls.turnOn")}
          </Button>
        </CardContent>
      )}
    </Card>
  );
}

export function RiskControlsPanel({ canBrand, canGlobal }: { canBrand: boolean; canGlobal: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.risk.controls.queryOptions());
  const [open, setOpen] = useState<{ scope: Scope; enforce: boolean } | null>(null);
  const [refusal, setRefusal] = useState<ReasonRefusal | null>(null);
  const options = {
    onSuccess: async () => {
      toast.success(t("risk.controls.done"));
      setOpen(null);
      await queryClient.invalidateQueries({ queryKey: trpc.risk.controls.queryKey() });
    },
    onError: (error: unknown) => setRefusal({ message: describeTrpcError(error, t).message, refreshed: false }),
  };
  const brand = useMutation(trpc.risk.setBrandEnforcement.mutationOptions(options));
  const global = useMutation(trpc.risk.setGlobalEnforcement.mutationOptions(options));
  if (status.isPending) return <Skeleton className="h-40 w-full" />;
  if (status.isError) return <LoadError title={t("risk.controls.loadError")} error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const ask = (scope: Scope, value: RiskSwitch) => {
    setRefusal(null);
    setOpen({ scope, enforce: !value.enforce });
  };

  return (
    <div className="grid gap-4">
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">{t("risk.controls.title")}:</span>
        <Badge variant={s.enforcing ? "success" : "warning"} data-testid="risk-enforcing">
          {t(s.enforcing ? "risk.controls.enforcing" : "risk.controls.monitorOnly")}
        </Badge>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <SwitchCard scope="brand" value={s.brand} canChange={canBrand} onChange={() => ask("brand", s.brand)} />
        <SwitchCard scope="global" value={s.global} canChange={canGlobal} onChange={() => ask("global", s.global)} />
      </div>
      <Alert>
        <AlertDescription>
          <span className="block">{t("risk.controls.offHint")}</span>
          <span className="block">{t("risk.controls.onHint")}</span>
        </AlertDescription>
      </Alert>
      {open && (
        <ReasonConfirmDialog
          title={t(open.enforce ? "risk.controls.dialogOnTitle" : "risk.controls.dialogOffTitle")}
          description={t(open.enforce ? "risk.controls.onHint" : "risk.controls.offHint")}
          confirmLabel={t(open.enforce ? "risk.controls.turnOn" : "risk.controls.turnOff")}
          destructive={!open.enforce}
          pending={brand.isPending || global.isPending}
          refusal={refusal}
          onClose={() => setOpen(null)}
          onConfirm={(reason) => {
            setRefusal(null);
            (open.scope === "brand" ? brand : global).mutate({ enforce: open.enforce, reason });
          }}
        />
      )}
    </div>
  );
}

/** On the limits and events pages: a visible warning while automatic enforcement is off. */
export function EnforcementWarning() {
  const t = useT();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.risk.controls.queryOptions());
  if (!data || data.enforcing) return null;
  return (
    <Alert variant="warning" className="mb-4" data-testid="risk-enforcement-warning">
      <AlertDescription>{t("risk.controls.warning")}</AlertDescription>
    </Alert>
  );
}
