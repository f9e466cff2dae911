/** The partner API's request headers and signing window. Client-safe (the reference page shows them). */
export const HEADERS = {
  key: "BD-ACCESS-KEY",
  sign: "BD-ACCESS-SIGN",
  timestamp: "BD-ACCESS-TIMESTAMP",
  idempotency: "Idempotency-Key",
  requestId: "X-Request-Id",
} as const;

/** ±30 s between the partner's clock and ours. */
export const TIMESTAMP_WINDOW_MS = 30_000;
