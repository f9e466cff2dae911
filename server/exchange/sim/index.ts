/** The OKX simulator's public API (tests, scripts): start one with createSimulator({ port: 0, dataDir }). */
import "server-only";

export { createSimulator, type Simulator } from "./server";
export type { SimConfig, SimulatorOptions } from "./config";
export type { FaultConfig } from "./faults";
export { REBATE_CSV_FIELDS } from "./handlers/files";
