"use client";
/**
 * The toast a domain shows when something it submitted now waits for approval: its own words, and a button
 * to the requester's view of the approvals inbox, which says on whom it waits.
 */
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import { useT } from "@/lib/i18n/client";

export function useWaitingToast() {
  const t = useT();
  const router = useRouter();
  return useCallback(
    (message: string) => toast.success(message, { action: { label: t("approvals.openMine"), onClick: () => router.push("/approvals?view=mine") } }),
    [router, t],
  );
}
