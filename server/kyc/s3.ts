/**
 * A small S3-compatible object client for KYC documents: PUT, GET and DELETE signed with AWS Signature
 * Version 4 over fetch and node:crypto (no SDK). Path-style URLs (`<endpoint>/<bucket>/<key>`), which AWS,
 * MinIO, Ceph and most S3-compatible services accept. The signer is checked against AWS's published example.
 */
import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { DocumentStore } from "./storage";

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigV4Input {
  method: string;
  /** Canonical URI: the path with each segment already URI-encoded (see `encodeS3Path`). */
  path: string;
  query?: Record<string, string>;
  /** Every header to sign, including host, x-amz-date and x-amz-content-sha256. */
  headers: Record<string, string>;
  payloadHash: string;
}

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding, as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ escaped. */
export const encodeRfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** "/bucket/a/b" with each segment encoded once (S3 does not double-encode). */
export const encodeS3Path = (segments: string[]) => `/${segments.flatMap((s) => s.split("/")).map(encodeRfc3986).join("/")}`;

/** 2013-05-24T00:00:00.000Z → 20130524T000000Z */
export const amzDate = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function signV4(request: SigV4Input, credentials: SigV4Credentials) {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(";");
  const query = Object.entries(request.query ?? {})
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [
    request.method,
    request.path,
    query,
    ...headers.map(([name, value]) => `${name}:${value}`),
    "",
    signedHeaders,
    request.payloadHash,
  ].join("\n");

  const timestamp = request.headers["x-amz-date"];
  if (!timestamp) throw new Error("SigV4: the x-amz-date header is required");
  const scope = `${timestamp.slice(0, 8)}/${credentials.region}/${credentials.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", timestamp, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, timestamp.slice(0, 8)), credentials.region), credentials.service),
    "aws4_request",
  );
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return {
    canonicalRequest,
    stringToSign,
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}

export class S3DocumentStore implements DocumentStore {
  private readonly base: URL;

  constructor(
    private readonly config: S3Config,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.base = new URL(config.endpoint);
  }

  private async send(method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, contentType?: string) {
    const basePath = this.base.pathname.replace(/\/+$/, "");
    const path = `${basePath}${encodeS3Path([this.config.bucket, key])}`;
    // fetch sets Host itself, from the same URL; it is signed all the same.
    const headers: Record<string, string> = {
      "x-amz-content-sha256": sha256Hex(body ?? ""),
      "x-amz-date": amzDate(this.now()),
      ...(contentType ? { "content-type": contentType } : {}),
    };
    const { authorization } = signV4(
      { method, path, headers: { ...headers, host: this.base.host }, payloadHash: headers["x-amz-content-sha256"] },
      { accessKeyId: this.config.accessKeyId, secretAccessKey: this.config.secretAccessKey, region: this.config.region, service: "s3" },
    );
    return this.fetchImpl(`${this.base.origin}${path}`, {
      method,
      headers: { ...headers, authorization },
      body: body ? Buffer.from(body) : undefined,
    });
  }

  private static async fail(action: string, response: Response): Promise<never> {
    const detail = (await response.text().catch(() => "")).slice(0, 300);
    throw new Error(`S3 ${action} failed: HTTP ${response.status} ${detail}`.trim());
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const response = await this.send("PUT", key, bytes, contentType);
    if (!response.ok) await S3DocumentStore.fail("PUT", response);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) return null;
    if (!response.ok) return S3DocumentStore.fail("GET", response);
    return new Uint8Array(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    if (!response.ok && response.status !== 404) await S3DocumentStore.fail("DELETE", response);
  }
}
