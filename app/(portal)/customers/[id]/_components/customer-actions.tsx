"use client";
/**
 * What operations can do to a customer: edit the profile, move to a group, freeze or unfreeze, and
 * (behind "More", being final) close. A closed customer cannot be changed, so none show then. Only
 * rendered for staff with customer.manage; the procedures check it either way.
 */
import { Ban, Ellipsis, FolderInput, Pencil, Snowflake, Sun } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/lib/i18n/client";
import type { CustomerDetail } from "@/server/customers/types";
import { EditCustomerDialog } from "./edit-customer-dialog";
import { MoveGroupDialog } from "./move-group-dialog";
import { StatusChangeDialog, type StatusChange } from "./status-change-dialog";

type Dialog = { kind: "edit" } | { kind: "group" } | { kind: "status"; change: StatusChange };

export function CustomerActions({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  if (customer.status === "closed") return null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" size="sm" onClick={() => setDialog({ kind: "edit" })}>
        <Pencil />
        {t("customers.actions.edit")}
      </Button>
      <Button variant="outline" size="sm" onClick={() => setDialog({ kind: "group" })}>
        <FolderInput />
        {t("customers.actions.moveGroup")}
      </Button>
      {customer.status === "active" ? (
        <Button variant="outline" size="sm" onClick={() => setDialog({ kind: "status", change: "freeze" })}>
          <Snowflake />
          {t("customers.actions.freeze")}
        </Button>
      ) : (
        <Button variant="outline" size="sm" onClick={() => setDialog({ kind: "status", change: "unfreeze" })}>
          <Sun />
          {t("customers.actions.unfreeze")}
        </Button>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon-sm" aria-label={t("customers.actions.more")} title={t("customers.actions.more")}>
            <Ellipsis />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="min-w-44">
          <DropdownMenuItem variant="destructive" onSelect={() => setDialog({ kind: "status", change: "close" })}>
            <Ban />
            {t("customers.actions.close")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      {dialog?.kind === "edit" && <EditCustomerDialog customer={customer} onClose={close} />}
      {dialog?.kind === "group" && <MoveGroupDialog customer={customer} onClose={close} />}
      {dialog?.kind === "status" && <StatusChangeDialog change={dialog.change} customer={customer} onClose={close} />}
    </div>
  );
}
