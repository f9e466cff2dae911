"use client";
/** The "…" menu of one staff row. Actions on one's own account are hidden: the server refuses them. */
import { Ellipsis, KeyRound, LockOpen, Pencil, ShieldOff, UserCheck, UserX } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useT } from "@/lib/i18n/client";
import type { StaffAction, StaffRow } from "./types";

interface StaffRowActionsProps {
  user: StaffRow;
  isSelf: boolean;
  onAction: (action: StaffAction, user: StaffRow) => void;
}

export function StaffRowActions({ user, isSelf, onAction }: StaffRowActionsProps) {
  const t = useT();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="size-7 data-[state=open]:bg-accent" aria-label={t("staff.actions.menu", { name: user.name })}>
          <Ellipsis />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-48">
        <DropdownMenuItem onSelect={() => onAction("edit", user)}>
          <Pencil />
          {t("staff.actions.edit")}
        </DropdownMenuItem>
        {user.locked && (
          <DropdownMenuItem onSelect={() => onAction("unlock", user)}>
            <LockOpen />
            {t("staff.actions.unlock")}
          </DropdownMenuItem>
        )}
        {user.status === "disabled" && (
          <DropdownMenuItem onSelect={() => onAction("enable", user)}>
            <UserCheck />
            {t("staff.actions.enable")}
          </DropdownMenuItem>
        )}
        {!isSelf && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onAction("resetPassword", user)}>
              <KeyRound />
              {t("staff.actions.resetPassword")}
            </DropdownMenuItem>
            {user.totpEnabled && (
              <DropdownMenuItem onSelect={() => onAction("resetTotp", user)}>
                <ShieldOff />
                {t("staff.actions.resetTotp")}
              </DropdownMenuItem>
            )}
            {user.status === "active" && (
              <DropdownMenuItem variant="destructive" onSelect={() => onAction("disable", user)}>
                <UserX />
                {t("staff.actions.disable")}
              </DropdownMenuItem>
            )}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
