"use client";
/**
 * The account level (seed 001's account mode) and, for operations, "Change account level": pick a level,
 * then confirm a sentence that spells out the change before the exchange is asked.
 */
import { useMutation } from "@tanstack/react-query";
import { ArrowRightLeft, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { AccountLevelBadge, levelName } from "@/components/subaccounts/subaccount-badges";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/utils";
import { ACCOUNT_LEVELS, type AccountLevel, type SubaccountDetail } from "@/lib/subaccounts/schemas";
import { isConflict, useSubaccountCache } from "./use-subaccount-cache";

export function AccountLevelCard({ subaccount, canManage }: { subaccount: SubaccountDetail; canManage: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Card className="gap-4 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{t("subaccounts.columns.accountLevel")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        <AccountLevelBadge level={subaccount.accountLevel} className="text-sm" />
        {canManage && (
          <Button variant="outline" size="sm" className="w-fit" onClick={() => setOpen(true)}>
            <ArrowRightLeft />
            {t("subaccounts.levelChange.button")}
          </Button>
        )}
      </CardContent>
      {open && <LevelDialog subaccount={subaccount} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function LevelDialog({ subaccount, onClose }: { subaccount: SubaccountDetail; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const cache = useSubaccountCache(subaccount.id);
  const [level, setLevel] = useState<AccountLevel | null>(null);
  const [step, setStep] = useState<"choose" | "confirm">("choose");
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(
    trpc.subaccount.setLevel.mutationOptions({
      onSuccess: (updated) => {
        cache.applied(updated);
        toast.success(t("subaccounts.levelChange.done", { name: updated.subAcct, level: updated.accountLevel, levelName: levelName(t, updated.accountLevel) }));
        onClose();
      },
      onError: async (failure) => {
        const message = describeTrpcError(failure, t).message;
        const reloaded = isConflict(failure) && (await cache.reload());
        setError(reloaded ? `${message} ${t("subaccounts.detail.reloaded")}` : message);
        setStep("choose");
      },
    }),
  );
  const current = subaccount.accountLevel;
  const chosen = level !== null && level !== current ? level : null;

  return (
    <Dialog open onOpenChange={(next) => !next && !change.isPending && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("subaccounts.levelChange.title")}</DialogTitle>
          <DialogDescription>{t("subaccounts.levelChange.description", { name: subaccount.subAcct })}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) {
              setError(t("subaccounts.levelChange.choose"));
              return;
            }
            setError(null);
            if (step === "choose") setStep("confirm");
            else change.mutate({ id: subaccount.id, accountLevel: chosen, version: subaccount.version });
          }}
        >
          {step === "choose" ? (
            <fieldset className="grid gap-2">
              <legend className="sr-only">{t("subaccounts.columns.accountLevel")}</legend>
              {ACCOUNT_LEVELS.map((value) => {
                const isCurrent = value === current;
                return (
                  <label
                    key={value}
                    className={cn(
                      "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                      isCurrent && "cursor-default opacity-70",
                    )}
                  >
                    <input
                      type="radio"
                      name="accountLevel"
                      value={value}
                      checked={level === value}
                      disabled={isCurrent}
                      autoFocus={value === (current === 1 ? 2 : 1)}
                      onChange={() => setLevel(value)}
                      className="size-4 accent-primary"
                    />
                    <span>{t("subaccounts.level.option", { level: value, name: levelName(t, value) })}</span>
                    {isCurrent && <span className="ml-auto text-xs text-muted-foreground">{t("subaccounts.levelChange.current")}</span>}
                  </label>
                );
              })}
            </fieldset>
          ) : (
            chosen && (
              <Alert variant="warning">
                <TriangleAlert aria-hidden />
                <AlertDescription className="grid gap-1 text-foreground">
                  <p className="font-medium">
                    {t("subaccounts.levelChange.confirmText", {
                      name: subaccount.subAcct,
                      from: current,
                      fromName: levelName(t, current),
                      to: chosen,
                      toName: levelName(t, chosen),
                    })}
                  </p>
                  <p className="text-muted-foreground">{t("subaccounts.levelChange.confirmHint")}</p>
                </AlertDescription>
              </Alert>
            )
          )}
          {error && (
            <Alert variant="destructive" role="alert">
              <TriangleAlert aria-hidden />
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
          <DialogFooter>
            {step === "choose" ? (
              <>
                <Button type="button" variant="outline" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" disabled={!chosen}>
                  {t("subaccounts.levelChange.review")}
                </Button>
              </>
            ) : (
              <>
                <Button type="button" variant="outline" onClick={() => setStep("choose")} disabled={change.isPending}>
                  {t("subaccounts.levelChange.back")}
                </Button>
                <Button type="submit" pending={change.isPending} autoFocus>
                  {t("subaccounts.levelChange.confirm")}
                </Button>
              </>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
