/**
 * Rebate and trading-detail files. OKX hands out a signed object-storage link (FD valid 2 hours, DMA 9);
 * the simulator serves the file itself at /sim/files/<id>.csv.gz?Expires=<s>&Signature=<hmac> (no OKX
 * auth, like a pre-signed URL), as gzip-compressed CSV (application/gzip, not Content-Encoding: the
 * caller gunzips, as with OKX's objects). Rows are computed as they are sent (FD from the file id, DMA
 * from the account's fills of each day) — a generator piped through gzip with backpressure — so no file
 * is ever held in memory or on disk and millions of rows cost no more memory than ten.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { FILE_LINK_TTL_MS } from "../../okx/files";
import type { SimConfig } from "../config";
import type { RebateFile } from "../model";
import type { SimStore } from "../store";
import { fdRebateLines } from "./rebate-csv";
import { dmaFileLines } from "./trades-csv";

/** The link lifetime for a file of this scope: the config's override, else OKX's (ND as FD). */
export const linkTtlMs = (config: SimConfig, scope: RebateFile["scope"]) => config.fileLinkTtlMs ?? FILE_LINK_TTL_MS[scope === "dma" ? "dma" : "fd"];

const signature = (config: SimConfig, id: string, expires: string) =>
  createHmac("sha256", `okx-sim-files|${config.secretKey}`).update(`${id}|${expires}`).digest("base64url");

/** A fresh link (OKX gives a new one on every request), valid for the scope's lifetime from `now`. */
export function fileLink(config: SimConfig, baseUrl: string, file: RebateFile, now: number): string {
  const expires = String(Math.floor((now + linkTtlMs(config, file.scope)) / 1000));
  return `${baseUrl}/sim/files/${file.id}.csv.gz?Expires=${expires}&Signature=${signature(config, file.id, expires)}`;
}

/** Signed by us and not expired; a link is expired from its Expires second on. */
export function linkValid(config: SimConfig, id: string, expires: string | null, sig: string | null, now: number): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now) return false;
  const want = Buffer.from(signature(config, id, expires));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** The download name OKX's objects carry (RebateDetails1222-1222.csv in seed 001), compressed. */
function fileName(file: RebateFile): string {
  const days = `${file.begin.slice(4)}-${file.end.slice(4)}`;
  return `${file.scope === "dma" ? "TradeDetails" : "RebateDetails"}${days}.csv.gz`;
}

/** The file's lines (each ending in "\n"): FD/ND rebate rows, or the fills of the account's sub-accounts day by day. */
function fileLines(file: RebateFile, store: SimStore, config: SimConfig): Iterable<string> {
  return file.scope === "dma"
    ? dmaFileLines(file, store.subaccounts.values(), store.meta.seed, config.dmaRowsPerDay)
    : fdRebateLines(file, store.meta.brokerCode, config.rebateRows);
}

/** Lines joined into chunks of about 64 KiB: one stream write per chunk, not per row. */
function* chunked(lines: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buf = "";
  for (const line of lines) {
    buf += line;
    if (buf.length >= size) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/**
 * Answers 200 with the gzip-compressed CSV, streamed (chunked transfer, no Content-Length). A client
 * that goes away stops the generator; the stream error is not the simulator's, so it is only logged.
 */
export async function sendFile(res: ServerResponse, file: RebateFile, store: SimStore, config: SimConfig): Promise<void> {
  res.writeHead(200, { "Content-Type": "application/gzip", "Content-Disposition": `attachment; filename="${fileName(file)}"` });
  try {
    await pipeline(Readable.from(chunked(fileLines(file, store, config))), createGzip(), res);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ERR_STREAM_PREMATURE_CLOSE") config.log(`file ${file.id}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
