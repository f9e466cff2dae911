/** One tile, loaded on its own: the page streams each as it arrives, and a failure stays on its tile. */
import { TileCard, TileError } from "@/components/dashboard/tile-card";
import { getLocale, getT } from "@/lib/i18n/server";
import type { TenantContext } from "@/server/actor";
import { loadTile } from "@/server/dashboard/service";
import type { DashboardTile } from "@/server/dashboard/types";
import { toTileView } from "./tile-view";

export async function TileSlot({ ctx, tile }: { ctx: TenantContext; tile: DashboardTile }) {
  const [result, t, locale] = await Promise.all([loadTile(ctx, tile), getT(), getLocale()]);
  if (!result.ok) {
    return <TileError id={tile.id} title={t(tile.title)} href={tile.href} message={t("dashboard.tileError")} hint={t("dashboard.tileErrorHint")} />;
  }
  return <TileCard tile={toTileView(tile, result.data, t, locale)} openLabel={t("dashboard.openList")} />;
}
