/**
 * The one check every outbound exchange mutation of this domain passes first (each cancel batch, each
 * close, each withdrawal send or cancel), so a stop takes effect between two items of a bulk action too.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";
import { assertExchangeSendAllowed } from "../emergency/guard";

/**
 * Throws EmergencyStopError (CONFLICT, emergency.errors.*) when a stop applies to the brand — its own or
 * the global one. Reads the database every time (server/emergency/guard.ts): no cache to go stale.
 */
export async function assertExchangeMutationsAllowed(db: Db | DbTx, brandId: string): Promise<void> {
  await assertExchangeSendAllowed(db, brandId);
}
