"use client";
/** The brand's bonus approval threshold: shown to everyone who reads bonuses, changed by admins (bonus.approve). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

export function ApprovalThreshold({ canSet }: { canSet: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.bonus.settings.get.queryOptions());
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.bonus.settings.setThreshold.mutationOptions({
      onSuccess: () => {
        toast.success(t("bonuses.threshold.done"));
        setValue(null);
        void queryClient.invalidateQueries(trpc.bonus.settings.pathFilter());
      },
      onError: (e) => setError(describeTrpcError(e, t).message),
    }),
  );
  if (!current.data) return null;
  const shown = current.data.threshold ?? "";
  return (
    <section aria-labelledby="bonus-threshold" className="grid gap-2 rounded-md border p-3 text-sm">
      <h2 id="bonus-threshold" className="font-medium">
        {t("bonuses.threshold.title")}
      </h2>
      <p className="text-muted-foreground">{t("bonuses.threshold.description")}</p>
      <p>{t("bonuses.threshold.current", { value: current.data.threshold ?? t("bonuses.threshold.everything") })}</p>
      {canSet && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            save.mutate({ threshold: (value ?? shown).trim() || null });
          }}
        >
          <div className="grid gap-1">
            <Label htmlFor="bonus-threshold-input">{t("bonuses.threshold.label")}</Label>
            <Input id="bonus-threshold-input" inputMode="decimal" className="w-48" value={value ?? shown} onChange={(e) => setValue(e.target.value)} aria-invalid={Boolean(error)} disabled={save.isPending} />
          </div>
          <Button type="submit" size="sm" pending={save.isPending} disabled={value === null}>
            {t("bonuses.threshold.save")}
          </Button>
          {error && (
            <p role="alert" className="w-full text-destructive">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
