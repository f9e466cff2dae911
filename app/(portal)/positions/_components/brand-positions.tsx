"use client";
/** The brand's positions page: URL state → the shared positions table (largest exposure first). */
import { PositionsTable } from "@/components/exchange-accounts/positions-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { ZPositionListInput } from "@/lib/exchange-accounts/schemas";
import { useT } from "@/lib/i18n/client";
import { positionRowAction } from "@/app/(portal)/_components/exchange-actions/row-actions";

export function BrandPositions({ canAct = false }: { canAct?: boolean }) {
  const t = useT();
  const url = useTableUrlState(ZPositionListInput);
  return <PositionsTable state={url} brandWide actions={canAct ? positionRowAction : undefined} caption={t("exchangeAccounts.positionsPage.title")} emptyTitle={t("exchangeAccounts.positions.empty")} />;
}
