/**
 * Where KYC document bytes live, behind one small interface: a local directory by default, an
 * S3-compatible bucket when KYC_STORAGE=s3. Keys are random and made here, never from a file name or any
 * other input, so a key can neither collide nor point outside the store. Nothing here is ever served by
 * URL: documents are read through server/kyc/documents.ts, which checks permission and brand.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { S3DocumentStore } from "./s3";

export interface DocumentStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** "ab/ab12…" (32 hex): the two-character folder keeps any one directory small. */
export function newStorageKey(): string {
  const id = randomBytes(16).toString("hex");
  return `${id.slice(0, 2)}/${id}`;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

export class LocalDiskStore implements DocumentStore {
  readonly root: string;

  constructor(directory: string) {
    this.root = path.resolve(directory);
  }

  private fileOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split("/"));
  }

  /** Written to a temporary name and renamed, so a reader never sees half a file. */
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
    try {
      await writeFile(partial, bytes, { flag: "wx", mode: 0o600 });
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.fileOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }
}

let configured: DocumentStore | undefined;

/** The store the environment chooses (server/env.ts: KYC_STORAGE, KYC_STORAGE_DIR, KYC_S3_*). */
export function documentStore(): DocumentStore {
  if (configured) return configured;
  if (env.KYC_STORAGE === "s3") {
    // server/env.ts refuses to start with KYC_STORAGE=s3 and any of these missing.
    configured = new S3DocumentStore({
      endpoint: env.KYC_S3_ENDPOINT!,
      bucket: env.KYC_S3_BUCKET!,
      region: env.KYC_S3_REGION,
      accessKeyId: env.KYC_S3_ACCESS_KEY_ID!,
      secretAccessKey: env.KYC_S3_SECRET_ACCESS_KEY!,
    });
  } else {
    configured = new LocalDiskStore(env.KYC_STORAGE_DIR);
  }
  return configured;
}
