/**
 * The one check every outbound exchange mutation of this domain passes first (each cancel batch, each
 * close), so a stop takes effect between two items of a bulk action too.
 */
import "server-only";
import type { Db, DbTx } from "../db/client";

/**
 * Throws when the brand may not change anything on the exchange now. The emergency stop plugs in here;
 * until it exists nothing stops mutations, so this returns without reading anything.
 */
export async function assertExchangeMutationsAllowed(_db: Db | DbTx, _brandId: string): Promise<void> {}
