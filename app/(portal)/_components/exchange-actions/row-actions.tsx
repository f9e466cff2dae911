"use client";
/**
 * Exchange actions wired into the synced tables: a row's "Cancel" / "Close" from its own ids (a row whose
 * margin mode or side OKX would not accept gets none), and the customer tab's bulk buttons.
 */
import type { ReactNode } from "react";
import type { OpenOrderRow, PositionRow } from "@/lib/exchange-accounts/types";
import { MARGIN_MODES, POSITION_SIDES } from "@/lib/exchange-actions/schemas";
import { CancelAllOrdersButton, CancelOrderButton, CloseAllPositionsButton, ClosePositionButton } from "./action-buttons";

type MarginMode = (typeof MARGIN_MODES)[number];
type PositionSide = (typeof POSITION_SIDES)[number];

export function positionRowAction(row: PositionRow): ReactNode {
  if (!(MARGIN_MODES as readonly string[]).includes(row.mgnMode) || !(POSITION_SIDES as readonly string[]).includes(row.posSide)) return null;
  return <ClosePositionButton subaccountId={row.subaccountId} instId={row.instId} mgnMode={row.mgnMode as MarginMode} posSide={row.posSide as PositionSide} />;
}

export const orderRowAction = (row: OpenOrderRow): ReactNode => <CancelOrderButton subaccountId={row.subaccountId} instId={row.instId} ordId={row.ordId} />;

/** The customer Exchange tab's slots for staff who may act. */
export function customerExchangeActionSlots(customerId: string) {
  return {
    positionActions: positionRowAction,
    orderActions: orderRowAction,
    toolbar: (
      <>
        <CancelAllOrdersButton customerId={customerId} />
        <CloseAllPositionsButton customerId={customerId} variant="destructive" />
      </>
    ),
  };
}
