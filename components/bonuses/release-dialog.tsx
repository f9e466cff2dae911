"use client";
/** "Release": non-withdrawable bonus credit → withdrawable in the same account, an amount or all, with a reason. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

export interface ReleasableAccount {
  id: string;
  type: string;
  currency: string;
  bonusNonWithdrawable: string;
}

export function ReleaseDialog({ accounts, onClose }: { accounts: ReleasableAccount[]; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const held = accounts.filter((a) => !/^0(\.0*)?$/.test(a.bonusNonWithdrawable));
  const [accountId, setAccountId] = useState(held.length === 1 ? held[0].id : "");
  const [all, setAll] = useState(true);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const release = useMutation(
    trpc.bonus.grant.release.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("bonuses.release.done", { amount: f.decimal(r.released) }));
        void queryClient.invalidateQueries(trpc.bonus.pathFilter());
        void queryClient.invalidateQueries(trpc.tradingAccount.pathFilter());
        onClose();
      },
      onError: (e) => setError(describeTrpcError(e, t).message),
    }),
  );
  const ready = accountId && reason.trim().length >= 3 && (all || /^\d+(\.\d+)?$/.test(amount.trim()));

  return (
    <Dialog open onOpenChange={(next) => !next && !release.isPending && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("bonuses.release.title")}</DialogTitle>
          <DialogDescription>{t("bonuses.release.description")}</DialogDescription>
        </DialogHeader>
        {held.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("bonuses.release.nothing")}</p>
        ) : (
          <form
            noValidate
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              if (ready) release.mutate({ tradingAccountId: accountId, amount: all ? "all" : amount.trim(), reason });
            }}
          >
            <div className="grid gap-2">
              <Label htmlFor="release-account">{t("bonuses.release.account")}</Label>
              <Select value={accountId} onValueChange={setAccountId} disabled={release.isPending}>
                <SelectTrigger id="release-account" className="w-full">
                  <SelectValue placeholder={t("bonuses.grant.accountPlaceholder")} />
                </SelectTrigger>
                <SelectContent>
                  {held.map((a) => (
                    <SelectItem key={a.id} value={a.id}>
                      {a.type} — {t("bonuses.release.held", { amount: f.decimal(a.bonusNonWithdrawable), currency: a.currency })}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="flex items-center gap-2">
              <Checkbox id="release-all" checked={all} onCheckedChange={(v) => setAll(v === true)} disabled={release.isPending} />
              <Label htmlFor="release-all">{t("bonuses.release.all")}</Label>
            </div>
            {!all && (
              <div className="grid gap-2">
                <Label htmlFor="release-amount">{t("bonuses.release.amount")}</Label>
                <Input id="release-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} disabled={release.isPending} />
              </div>
            )}
            <div className="grid gap-2">
              <Label htmlFor="release-reason">{t("bonuses.release.reason")}</Label>
              <Textarea id="release-reason" rows={2} maxLength={500} placeholder={t("bonuses.reasonPlaceholder")} value={reason} onChange={(e) => setReason(e.target.value)} disabled={release.isPending} />
            </div>
            {error && (
              <Alert variant="destructive" role="alert">
                <TriangleAlert aria-hidden />
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={release.isPending}>
                {t("bonuses.cancel")}
              </Button>
              <Button type="submit" pending={release.isPending} disabled={!ready}>
                {t("bonuses.release.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
