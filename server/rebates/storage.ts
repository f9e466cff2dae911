/**
 * Where downloaded exchange files are kept: a local directory (REBATE_FILES_DIR). Files are streamed in and
 * out — a ten-million-row file is hundreds of megabytes and never sits in memory — and written under a
 * temporary name then renamed, so a reader never sees half a file. Keys are made here, never from input.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "../env";

const SAFE_KEY = /^[a-z0-9_-]+\/[a-f0-9]{32}$/;

export const newFileKey = (brandId: string) => `${brandId.replace(/[^a-z0-9-]/g, "")}/${randomBytes(16).toString("hex")}`;

function fileOf(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`Invalid rebate file key: ${JSON.stringify(key)}`);
  return path.join(path.resolve(env.REBATE_FILES_DIR), ...key.split("/"));
}

/** Streams `source` into the store under `key`; returns its SHA-256 (hex) and size. Progress is called per chunk. */
export async function storeStream(key: string, source: Readable, onProgress?: (bytes: number) => void): Promise<{ sha256: string; bytes: number }> {
  const file = fileOf(key);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
  const hash = createHash("sha256");
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onProgress?.(bytes);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, measure, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { sha256: hash.digest("hex"), bytes };
}

export const readStored = (key: string): Readable => createReadStream(fileOf(key), { highWaterMark: 1 << 20 });

export async function storedSize(key: string): Promise<number | null> {
  try {
    return (await stat(fileOf(key))).size;
  } catch {
    return null;
  }
}

export const removeStored = (key: string) => rm(fileOf(key), { force: true });

/** The first `n` bytes of a stored file (to tell a gzip archive from plain text). */
export async function storedHead(key: string, n: number): Promise<Buffer> {
  const handle = await open(fileOf(key), "r");
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
