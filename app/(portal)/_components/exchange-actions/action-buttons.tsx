"use client";
/**
 * The integration point of exchange actions: a button that opens the confirmation dialog for one request.
 * Row actions ("Cancel", "Close") and bulk ones ("Cancel all orders", "Close all positions") are the same
 * button with another request. Render it only for staff who may act (`canActOnExchange`).
 */
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { ExchangeActionPreviewInput } from "@/lib/exchange-actions/schemas";
import { useT } from "@/lib/i18n/client";
import { ExchangeActionDialog } from "./exchange-action-dialog";

/** Whether a member with these permissions may cancel and close (the procedures check it again). */
export const canActOnExchange = (granted: readonly string[]) => granted.includes("exchange.act");

type ButtonProps = Omit<ComponentProps<typeof Button>, "onClick" | "children">;

export function ExchangeActionButton({ request, label, ...props }: { request: ExchangeActionPreviewInput; label?: string } & ButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" {...props} onClick={() => setOpen(true)}>
        {label ?? t(`exchangeActions.actions.${request.action}.button`)}
      </Button>
      {open && <ExchangeActionDialog request={request} onClose={() => setOpen(false)} />}
    </>
  );
}

export const CancelOrderButton = ({ subaccountId, instId, ordId, ...props }: { subaccountId: string; instId: string; ordId: string } & ButtonProps) => (
  <ExchangeActionButton request={{ action: "cancelOrder", subaccountId, instId, ordId }} {...props} />
);

export const ClosePositionButton = ({
  subaccountId,
  instId,
  mgnMode,
  posSide,
  ...props
}: { subaccountId: string; instId: string; mgnMode: "cross" | "isolated"; posSide: "long" | "short" | "net" } & ButtonProps) => (
  <ExchangeActionButton request={{ action: "closePosition", subaccountId, instId, mgnMode, posSide }} {...props} />
);

export const CancelAllOrdersButton = ({ customerId, subaccountId, ...props }: { customerId: string; subaccountId?: string } & ButtonProps) => (
  <ExchangeActionButton request={{ action: "cancelAllOrders", customerId, subaccountId }} {...props} />
);

export const CloseAllPositionsButton = ({ customerId, subaccountId, ...props }: { customerId: string; subaccountId?: string } & ButtonProps) => (
  <ExchangeActionButton request={{ action: "closeAllPositions", customerId, subaccountId }} {...props} />
);
