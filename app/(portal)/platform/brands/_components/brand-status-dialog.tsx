"use client";
/**
 * Confirms enabling or disabling a brand. Disabling signs every staff member of the brand out at once,
 * so the dialog says so and counts them. It stays open until the server has answered.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { BrandRow, BrandStatus } from "./types";

const TEXT = {
  disabled: { title: "platformBrands.disable.title", body: "platformBrands.disable.body", confirm: "platformBrands.disable.confirm", done: "platformBrands.disable.done" },
  active: { title: "platformBrands.enable.title", body: "platformBrands.enable.body", confirm: "platformBrands.enable.confirm", done: "platformBrands.enable.done" },
} as const;

interface BrandStatusDialogProps {
  brand: BrandRow;
  status: BrandStatus;
  onClose: () => void;
}

export function BrandStatusDialog({ brand, status, onClose }: BrandStatusDialogProps) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const text = TEXT[status];
  const vars = { name: brand.name, count: f.number(brand.staffCount) };

  const setStatus = useMutation(
    trpc.platform.setBrandStatus.mutationOptions({
      onSuccess: () => {
        toast.success(t(text.done, vars));
        onClose();
        router.refresh(); // the shell's brand picker lists brands too
        return queryClient.invalidateQueries(trpc.platform.listBrands.queryFilter());
      },
      onError: (error) => toast.error(describeTrpcError(error, t).message),
    }),
  );

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      destructive={status === "disabled"}
      title={t(text.title, vars)}
      description={t(text.body, vars)}
      confirmLabel={t(text.confirm)}
      cancelLabel={t("common.cancel")}
      pending={setStatus.isPending}
      onConfirm={() => setStatus.mutate({ id: brand.id, status })}
    />
  );
}
