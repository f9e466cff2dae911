"use client";
/** A key row's menu: Edit, Rotate secret, Revoke. An ended key offers none; a key already rotated cannot be rotated again. */
import { Ban, Ellipsis, Pencil, RefreshCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/lib/i18n/client";
import type { PartnerKeyRow } from "@/server/partner/types";

export type RowAction = "edit" | "rotate" | "revoke";

export function PartnerKeyRowActions({ row, onAction }: { row: PartnerKeyRow; onAction: (action: RowAction, row: PartnerKeyRow) => void }) {
  const t = useT();
  const ended = row.status === "revoked" || row.status === "expired";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-7 data-[state=open]:bg-accent"
          aria-label={t("partnerApi.actions.menu", { label: row.label })}
          disabled={ended}
          title={ended ? t("partnerApi.actions.endedHint") : undefined}
        >
          <Ellipsis />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onAction("edit", row)}>
          <Pencil />
          {t("partnerApi.actions.edit")}
        </DropdownMenuItem>
        <DropdownMenuItem disabled={row.status !== "active"} onSelect={() => onAction("rotate", row)}>
          <RefreshCcw />
          {t("partnerApi.actions.rotate")}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={() => onAction("revoke", row)}>
          <Ban />
          {t("partnerApi.actions.revoke")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
