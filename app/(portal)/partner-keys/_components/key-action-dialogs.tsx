"use client";
/**
 * Revoke and Rotate, each confirmed in a dialog that stays open while the request runs. A refusal (the key
 * changed meanwhile, already revoked or rotated, ended) shows in the dialog with the shared refusal alert,
 * and the list is reloaded so the row and the next attempt use the key as it is now.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { RefusalAlert, type Refusal } from "@/components/ui/refusal-alert";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import { ROTATION_OVERLAP_HOURS } from "@/lib/partner-api/schemas";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import type { PartnerKeyRow } from "@/server/partner/types";
import type { IssuedSecret } from "./partner-key-secret-dialog";

interface ConfirmShellProps {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  pending: boolean;
  refusal: Refusal | null;
  refusedTitle: string;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}

function ConfirmShell({ title, description, confirmLabel, destructive, pending, refusal, refusedTitle, onConfirm, onClose, children }: ConfirmShellProps) {
  const t = useT();
  return (
    <AlertDialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        {refusal && <RefusalAlert title={refusedTitle} refusal={refusal} refreshedText={t("partnerApi.reloaded")} />}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{t("common.cancel")}</AlertDialogCancel>
          <Button variant={destructive ? "destructive" : "default"} pending={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** A refusal's words, after reloading the list when the key changed under the dialog. */
function useRefusal() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const refuse = async (error: unknown) => {
    const { message, code } = describeTrpcError(error, t);
    const refreshed = code === "CONFLICT" || code === "NOT_FOUND";
    if (refreshed) await queryClient.invalidateQueries(trpc.partnerKey.pathFilter());
    setRefusal({ message, refreshed });
  };
  return { refusal, clear: () => setRefusal(null), refuse };
}

export function RevokePartnerKeyDialog({ row, onClose }: { row: PartnerKeyRow; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { refusal, clear, refuse } = useRefusal();
  const revoke = useMutation(
    trpc.partnerKey.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(t("partnerApi.toast.revoked", { label: row.label }));
        void queryClient.invalidateQueries(trpc.partnerKey.pathFilter());
        onClose();
      },
      onError: refuse,
    }),
  );
  return (
    <ConfirmShell
      title={t("partnerApi.revoke.title", { label: row.label })}
      description={t("partnerApi.revoke.description", { accessKey: row.accessKey })}
      confirmLabel={t("partnerApi.revoke.confirm")}
      destructive
      pending={revoke.isPending}
      refusal={refusal}
      refusedTitle={t("partnerApi.revoke.refusedTitle")}
      onClose={onClose}
      onConfirm={() => {
        clear();
        revoke.mutate({ id: row.id, version: row.version });
      }}
    />
  );
}

type Overlap = (typeof ROTATION_OVERLAP_HOURS)[number];

/** Rotation: the overlap is chosen here; the new key's secret goes to the caller for the once-only dialog. */
export function RotatePartnerKeyDialog({ row, onClose, onRotated }: { row: PartnerKeyRow; onClose: () => void; onRotated: (issued: IssuedSecret) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [overlap, setOverlap] = useState<Overlap>(24);
  const { refusal, clear, refuse } = useRefusal();
  const rotate = useMutation(
    trpc.partnerKey.rotate.mutationOptions({
      gcTime: 0,
      onSuccess: ({ key, secret }) => {
        toast.success(t("partnerApi.toast.rotated", { label: row.label }));
        void queryClient.invalidateQueries(trpc.partnerKey.pathFilter());
        onRotated({ key, secret, mode: "rotated" });
      },
      onError: refuse,
    }),
  );
  return (
    <ConfirmShell
      title={t("partnerApi.rotate.title", { label: row.label })}
      description={t("partnerApi.rotate.description", { accessKey: row.accessKey })}
      confirmLabel={t("partnerApi.rotate.submit")}
      pending={rotate.isPending}
      refusal={refusal}
      refusedTitle={t("partnerApi.rotate.refusedTitle")}
      onClose={onClose}
      onConfirm={() => {
        clear();
        rotate.mutate({ id: row.id, version: row.version, overlapHours: overlap });
      }}
    >
      <div className="grid gap-2">
        <Label htmlFor={id}>{t("partnerApi.rotate.overlap")}</Label>
        <Select value={String(overlap)} onValueChange={(value) => setOverlap(Number(value) as Overlap)} disabled={rotate.isPending}>
          <SelectTrigger id={id} className="w-full" aria-describedby={`${id}-hint`}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {ROTATION_OVERLAP_HOURS.map((hours) => (
              <SelectItem key={hours} value={String(hours)}>
                {t(`partnerApi.rotate.overlapOptions.${hours}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {t("partnerApi.rotate.overlapHint")}
        </p>
      </div>
    </ConfirmShell>
  );
}
