/**
 * AES-256-GCM for secrets at rest (TOTP seeds now; exchange keys and passphrases later).
 * Format: "v1:<iv b64>:<tag b64>:<ciphertext b64>". The version prefix leaves room for key rotation.
 */
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";

const key = () => Buffer.from(env.ENCRYPTION_KEY, "base64");

export const encryptSecret = (plain: string): string => encryptWith(key(), plain);
export const decryptSecret = (sealed: string): string => decryptWith(key(), sealed);

/** With an explicit 32-byte key: for re-encrypting under a new key (./rotate.ts). */
export function encryptWith(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptWith(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised secret format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** "abcd…wxyz"-style masking for showing that a secret exists without showing it. */
export function maskSecret(value: string, visible = 4): string {
  if (value.length <= visible * 2) return "•".repeat(value.length);
  return `${value.slice(0, visible)}…${value.slice(-visible)}`;
}
