/**
 * emergency-cancel-orders: cancels every open order in a stop's scope through the sub-accounts' own keys
 * (server/emergency/cancel-orders.ts). Safe to run twice: it reads the open orders afresh.
 */
import type { Db } from "@/server/db/client";
import { cancelOrdersForStop } from "@/server/emergency/cancel-orders";
import { producerConnection } from "@/server/queues/connection";
import { ZEmergencyCancelOrdersPayload } from "@/server/queues/registry";

export async function processEmergencyCancelOrders(data: unknown, db: Db) {
  const payload = ZEmergencyCancelOrdersPayload.parse(data);
  // Exchange rate limits shared through Redis with every other process.
  return cancelOrdersForStop(db, payload.stopId, { redis: producerConnection() });
}
