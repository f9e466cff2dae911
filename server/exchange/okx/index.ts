/**
 * server/exchange/okx: the typed OKX V5 client. Services import from here and nowhere else in this folder.
 */
import "server-only";

export { createOkxClient, TAGGED_ENDPOINTS } from "./client";
export type { CallOptions, OkxClient, OkxClientOptions, OkxCredentials, RequestOptions } from "./client";
export { ENDPOINTS, ENDPOINT_LIST } from "./endpoints";
export type { EndpointDef, EndpointFamily, EndpointId } from "./endpoints";
export { OkxError, isOkxError, toAppError, classifyOkx, LOCAL_CODES } from "./errors";
export type { OkxErrorKind } from "./errors";
export { jsonLogger, silentLogger } from "./logger";
export type { OkxCallLog, OkxLogger } from "./logger";
export { DMA_TRADES_MAX_DAYS } from "./params";
export type { ParamsInput } from "./params";
export { DMA_TRADES_CSV_COLUMNS, FD_REBATE_CSV_COLUMNS, FILE_LINK_TTL_MS } from "./files";
export type {
  ApiKeyInfo,
  Candle,
  CreatedApiKey,
  CurrencyChain,
  DecimalString,
  Deposit,
  DepositAddress,
  DmaTradesFile,
  FileRequest,
  Page,
  PartnerRebate,
  RebateDay,
  RebateFile,
  Result,
  SubaccountFee,
  SubaccountInfo,
  Ticker,
  Withdrawal,
} from "./schemas";
