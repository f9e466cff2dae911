/**
 * Rebate detail files. OKX hands out a signed object-storage link valid for 2 hours; the simulator
 * serves the CSV itself at /sim/files/<id>.csv?Expires=<s>&Signature=<hmac> (no OKX auth, like a
 * pre-signed URL). Rows are computed from the file id, so they need no storage and never change.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SimConfig } from "../config";
import type { RebateFile } from "../model";
import { Rng, hash32, units } from "../random";
import { dateMs } from "../validation";

export const LINK_TTL_MS = 2 * 3600_000;

const signature = (config: SimConfig, id: string, expires: string) =>
  createHmac("sha256", `okx-sim-files|${config.secretKey}`).update(`${id}|${expires}`).digest("base64url");

/** A fresh link (OKX gives a new one on every request), valid 2 h from `now`. */
export function fileLink(config: SimConfig, baseUrl: string, id: string, now: number): string {
  const expires = String(Math.floor((now + LINK_TTL_MS) / 1000));
  return `${baseUrl}/sim/files/${id}.csv?Expires=${expires}&Signature=${signature(config, id, expires)}`;
}

export function linkValid(config: SimConfig, id: string, expires: string | null, sig: string | null, now: number): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now) return false;
  const want = Buffer.from(signature(config, id, expires));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Seed 001's CSV fields, in its order. */
export const REBATE_CSV_FIELDS = [
  "brokerCode",
  "level",
  "instId",
  "ordId",
  "spotTradeAmt",
  "derivativeTradeAmt",
  "fee",
  "netFee",
  "settlementFee",
  "brokerRebate",
  "suBrokerRebate",
  "userRebate",
  "affiliated",
  "ts",
] as const;

const INSTRUMENTS = ["BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT", "BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP", "BTC-USD-SWAP", "ETH-USDT-250627"];
const LEVELS = ["Lv1", "Lv2", "Lv3", "VIP1", "VIP2", "VIP3"];

/** The CSV text: header + `rows` lines; amounts in USDT with 8 decimals at most. */
export function rebateCsv(file: RebateFile, brokerCode: string, rows: number): string {
  const rng = new Rng(hash32(`rebate-file|${file.id}`));
  const from = dateMs(file.begin);
  const span = dateMs(file.end) + 86_400_000 - from;
  const lines: string[] = [REBATE_CSV_FIELDS.join(",")];
  // Amounts in 1e-8 USDT, integers, so the derived columns stay exact.
  for (let i = 0; i < rows; i++) {
    const instId = rng.pick(INSTRUMENTS);
    const spot = !instId.includes("-SWAP") && instId.split("-").length === 2;
    const tradeAmt = rng.int(10, 250_000) * 1e8;
    const fee = Math.round(tradeAmt * (spot ? 0.0008 : 0.0005));
    const netFee = Math.round(fee * (0.85 + rng.next() * 0.15));
    const settlementFee = Math.round(netFee * (0.9 + rng.next() * 0.1));
    const brokerRebate = Math.round(settlementFee * 0.3);
    const suBrokerRebate = Math.round(brokerRebate * (rng.bool(0.2) ? 0.1 : 0));
    const userRebate = Math.round(settlementFee * (rng.bool(0.3) ? 0.1 : 0));
    lines.push(
      [
        brokerCode,
        rng.pick(LEVELS),
        instId,
        `${rng.digits(18)}`,
        spot ? units(tradeAmt, 8) : "0",
        spot ? "0" : units(tradeAmt, 8),
        units(fee, 8),
        units(netFee, 8),
        units(settlementFee, 8),
        units(brokerRebate, 8),
        units(suBrokerRebate, 8),
        units(userRebate, 8),
        String(rng.bool(0.15)),
        String(from + rng.int(0, span - 1)),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
