"use client";
/**
 * A bonus action that needs a written reason (reject, revoke): the shared reason dialog around one
 * mutation. A refusal stays in the dialog in the server's words; bonus data is reloaded after either outcome.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { ReasonConfirmDialog, type ReasonRefusal } from "@/components/customers/reason-confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

interface ReasonActionDialogProps {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  doneMessage: string;
  destructive?: boolean;
  run: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

export function ReasonActionDialog({ title, description, confirmLabel, doneMessage, destructive, run, onClose }: ReasonActionDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ReasonRefusal | null>(null);
  const reload = () => Promise.all([queryClient.invalidateQueries(trpc.bonus.pathFilter()), queryClient.invalidateQueries(trpc.tradingAccount.pathFilter())]);
  return (
    <ReasonConfirmDialog
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      destructive={destructive}
      pending={pending}
      refusal={refusal}
      onClose={onClose}
      onConfirm={async (reason) => {
        setRefusal(null);
        setPending(true);
        try {
          await run(reason);
          toast.success(doneMessage);
          void reload();
          onClose();
        } catch (error) {
          const { message, code } = describeTrpcError(error, t);
          if (code === "CONFLICT") await reload();
          setRefusal({ message, refreshed: code === "CONFLICT" });
        } finally {
          setPending(false);
        }
      }}
    />
  );
}
