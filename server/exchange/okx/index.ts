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
export type { ParamsInput } from "./params";
export type {
  ApiKeyInfo,
  Candle,
  CreatedApiKey,
  CurrencyChain,
  DecimalString,
  Deposit,
  DepositAddress,
  Page,
  RebateDay,
  RebateFile,
  Result,
  SubaccountFee,
  SubaccountInfo,
  Ticker,
  Withdrawal,
} from "./schemas";
