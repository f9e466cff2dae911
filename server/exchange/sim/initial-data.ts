/**
 * What a simulator account starts with — its broker code, sub-accounts and their API keys — worked out
 * without the simulator running, exactly as the simulator generates them on the account's first request
 * (same seed, same size: config.ts, read from the same OKX_SIM_* variables). The demo seed links its demo
 * customers to these, so the first sub-account sync finds them instead of marking them removed.
 *
 * Sub-accounts and keys are drawn before the deposits, so generating without deposits gives the same ones.
 * Secrets are left out: nothing outside the simulator is given them.
 */
import "server-only";
import { accountSeed } from "./accounts";
import { optionsFromEnv, resolveConfig, type SimulatorOptions } from "./config";
import { generate } from "./generate";
import { dmaFileLines } from "./handlers/trades-csv";
import type { ApiKeyRecord, Subaccount } from "./model";

export interface InitialAccountData {
  /** The account's broker code: what its FD rebate files carry in every row, and FD if-rebate answers. */
  brokerCode: string;
  subaccounts: Subaccount[];
  apiKeys: Omit<ApiKeyRecord, "secretKey" | "passphrase">[];
}

/** The account `accountId` (a brand id; "main" for the master key) as the simulator generates it. */
export function initialAccountData(accountId: string, options: SimulatorOptions = optionsFromEnv(), now = Date.now()): InitialAccountData {
  const config = resolveConfig(options);
  const data = generate({ seed: accountSeed(config.seed, accountId), subaccounts: config.subaccounts, deposits: 0, now });
  return {
    brokerCode: data.meta.brokerCode,
    subaccounts: data.subaccounts,
    apiKeys: data.apiKeys.map(({ secretKey: _secret, passphrase: _passphrase, ...key }) => key),
  };
}

/**
 * The account's DMA trading-details file for `begin`…`end` (YYYYMMDD, end excluded) as the simulator would
 * serve it: the same fills, line for line (./dma-fills.ts), so what the demo seed imports is what the
 * simulator's files and ND rebate-daily say about those days.
 */
export function initialDmaFileLines(accountId: string, range: { begin: string; end: string }, options: SimulatorOptions = optionsFromEnv(), now = Date.now()): Generator<string> {
  const config = resolveConfig(options);
  return dmaFileLines(range, initialAccountData(accountId, options, now).subaccounts, accountSeed(config.seed, accountId), config.dmaRowsPerDay);
}
