/** The OKX simulator's public API (tests, scripts): start one with createSimulator({ port: 0, dataDir }). */
import "server-only";

export { createSimulator, type Simulator } from "./server";
export type { SimConfig, SimulatorOptions } from "./config";
export type { FaultConfig } from "./faults";
/** The files' CSV columns (server/exchange/okx/files.ts); REBATE_CSV_FIELDS is the FD one's older name. */
export { DMA_TRADES_CSV_COLUMNS, FD_REBATE_CSV_COLUMNS, FD_REBATE_CSV_COLUMNS as REBATE_CSV_FIELDS } from "../okx/files";
export { feeTypeOf } from "./handlers/trades-csv";
