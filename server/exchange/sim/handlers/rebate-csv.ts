/** FD (and ND twin) rebate detail rows: seed 001's CSV fields, computed from the file id. */
import "server-only";
import { FD_REBATE_CSV_COLUMNS } from "../../okx/files";
import type { RebateFile } from "../model";
import { Rng, hash32, units } from "../random";
import { dateMs } from "../validation";

const INSTRUMENTS = ["BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT", "BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP", "BTC-USD-SWAP", "ETH-USDT-250627"];
const LEVELS = ["Lv1", "Lv2", "Lv3", "VIP1", "VIP2", "VIP3"];

/**
 * Header + `rows` lines, each ending in "\n"; amounts in USDT with 8 decimals at most; ts within the
 * requested days (end inclusive, the seed's reading for FD).
 */
export function* fdRebateLines(file: RebateFile, brokerCode: string, rows: number): Generator<string> {
  yield `${FD_REBATE_CSV_COLUMNS.join(",")}\n`;
  const rng = new Rng(hash32(`rebate-file|${file.id}`));
  const from = dateMs(file.begin);
  const span = dateMs(file.end) + 86_400_000 - from;
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
    yield `${[
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
    ].join(",")}\n`;
  }
}
