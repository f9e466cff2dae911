import { describe, expect, it } from "vitest";
import { OkxError } from "./errors";
import { backoffDelay, decideRetry } from "./retry";

const err = (code: string, httpStatus: number | null, kind?: OkxError["kind"]) => new OkxError({ code, msg: "", httpStatus, endpoint: "x", kind });

describe("full-jitter backoff", () => {
  it("stays within [0, min(cap, base·2^(retry-1))) for the extremes of random()", () => {
    const opts = { baseMs: 100, capMs: 1000 };
    for (let retry = 1; retry <= 8; retry++) {
      const ceiling = Math.min(1000, 100 * 2 ** (retry - 1));
      expect(backoffDelay(retry, opts, () => 0)).toBe(0);
      expect(backoffDelay(retry, opts, () => 0.999999)).toBe(ceiling - 1);
    }
  });

  it("spreads real random draws over the whole range", () => {
    const draws = Array.from({ length: 2000 }, () => backoffDelay(3, { baseMs: 100, capMs: 10_000 }));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(400);
    // Full jitter, not "base + small jitter": both quarters of the range are used.
    expect(draws.some((d) => d < 100)).toBe(true);
    expect(draws.some((d) => d >= 300)).toBe(true);
  });
});

describe("retry decisions", () => {
  const base = { creates: false, attempt: 1, maxRetries: 3 };

  it("retries rate limits and transient failures until attempts run out", () => {
    expect(decideRetry(err("50011", 429), base)).toEqual({ retry: true });
    expect(decideRetry(err("50026", 500), base)).toEqual({ retry: true });
    expect(decideRetry(err("TIMEOUT", null, "transient"), base)).toEqual({ retry: true });
    expect(decideRetry(err("50026", 500), { ...base, attempt: 4 })).toMatchObject({ retry: false });
  });

  it("never retries auth, parameter or permanent errors", () => {
    for (const e of [err("50113", 401), err("51000", 400), err("59999", 200)]) expect(decideRetry(e, base)).toMatchObject({ retry: false, error: e });
  });

  it("retries a creating POST only when OKX cannot have processed it", () => {
    expect(decideRetry(err("50011", 429), { ...base, creates: true })).toEqual({ retry: true });
    expect(decideRetry(err("CONNECT", null, "transient"), { ...base, creates: true })).toEqual({ retry: true });
    for (const e of [err("TIMEOUT", null, "transient"), err("NETWORK", null, "transient"), err("50026", 500)]) {
      const d = decideRetry(e, { ...base, creates: true });
      expect(d).toMatchObject({ retry: false, error: { kind: "transient", outcomeUnknown: true, code: e.code } });
    }
  });
});
