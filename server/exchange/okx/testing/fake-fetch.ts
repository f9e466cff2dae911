/**
 * A scripted `fetch` for unit tests: records every request (URL, method, headers, body) and answers from
 * a queue of responses (the last one repeats). `hang` waits for the abort signal like a stalled server.
 */
import "server-only";

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Scripted = { status?: number; json?: unknown; text?: string } | "hang" | "drop";

export function fakeFetch(script: Scripted[] = [{ json: { code: "0", msg: "", data: [] } }]) {
  const requests: Recorded[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    const step = script[Math.min(requests.length - 1, script.length - 1)];
    if (step === "hang") {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    }
    if (step === "drop") throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
    const text = step.text ?? JSON.stringify(step.json);
    return new Response(text, { status: step.status ?? 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { impl, requests };
}

export const ok = (data: readonly unknown[]) => ({ json: { code: "0", msg: "", data } });
export const okxError = (code: string, msg: string, status: number) => ({ status, json: { code, msg, data: [] } });
