/**
 * Seed 001's rules for a sub-account API key (POST broker/dma/subaccount/apikey), as pure checks shared by
 * the server's input schemas (lib/api-keys/schemas.ts) and the create / edit forms, so the browser refuses
 * exactly what the server refuses. Each check returns a problem code (or null) rather than a message: the
 * server words it in English, the forms in the reader's language.
 *
 *  - label: up to 50 letters (case-sensitive) or digits;
 *  - passphrase: 8–32 characters with at least one digit, one upper-case letter, one lower-case letter and
 *    one special character (printable ASCII, no spaces — what the exchange and its simulator accept);
 *  - IPs: at most 20, IPv4 or IPv6, no repeats;
 *  - permissions: read_only always (it cannot be removed), trade and withdraw optional.
 *
 * A key with trade or withdraw and no bound IP is deleted by the exchange after 14 idle days: `isRiskyKey`.
 * Client-safe: no server imports.
 */
import { z } from "zod";

export const API_KEY_LABEL_MAX = 50;
export const API_KEY_PASSPHRASE_MIN = 8;
export const API_KEY_PASSPHRASE_MAX = 32;
export const API_KEY_MAX_IPS = 20;
/** Days an unbound trade/withdraw key may sit idle before the exchange deletes it. */
export const UNBOUND_KEY_IDLE_DAYS = 14;

/** Permissions the operator chooses; read_only is always granted on top. */
export const OPTIONAL_API_KEY_PERMS = ["trade", "withdraw"] as const;
export type OptionalApiKeyPerm = (typeof OPTIONAL_API_KEY_PERMS)[number];
export const API_KEY_PERMS = ["read_only", ...OPTIONAL_API_KEY_PERMS] as const;
export type ApiKeyPerm = (typeof API_KEY_PERMS)[number];

// ── Label ─────────────────────────────────────────────────────────────────────────────────────────
export type LabelProblem = "empty" | "tooLong" | "characters";

export function checkApiKeyLabel(label: string): LabelProblem | null {
  if (label.length === 0) return "empty";
  if (label.length > API_KEY_LABEL_MAX) return "tooLong";
  if (!/^[A-Za-z0-9]+$/.test(label)) return "characters";
  return null;
}

// ── Passphrase ────────────────────────────────────────────────────────────────────────────────────
export type PassphraseProblem = "length" | "characters" | "composition";

export function checkApiKeyPassphrase(passphrase: string): PassphraseProblem | null {
  if (passphrase.length < API_KEY_PASSPHRASE_MIN || passphrase.length > API_KEY_PASSPHRASE_MAX) return "length";
  if (!/^[\x21-\x7e]+$/.test(passphrase)) return "characters";
  const complete = /\d/.test(passphrase) && /[a-z]/.test(passphrase) && /[A-Z]/.test(passphrase) && /[^A-Za-z0-9]/.test(passphrase);
  return complete ? null : "composition";
}

const LOWER = "abcdefghjkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
/** Specials that need no escaping in a shell, JSON or a URL-encoded form. */
const SPECIAL = "!#%*+-=?@^_";

/** Uniform integer in [0, n) from the platform's CSPRNG (browser and Node alike), without modulo bias. */
function cryptoRandom(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    if (buffer[0] < limit) return buffer[0] % n;
  }
}

/**
 * A passphrase that meets the rules: `length` characters (default 20) with at least one of each required
 * class, from an alphabet without look-alikes (no 0/O, 1/l/I) so it can be read aloud or retyped.
 */
export function generateApiKeyPassphrase(length = 20, random: (n: number) => number = cryptoRandom): string {
  const size = Math.min(API_KEY_PASSPHRASE_MAX, Math.max(API_KEY_PASSPHRASE_MIN, length));
  const all = LOWER + UPPER + DIGITS + SPECIAL;
  const chars = [LOWER, UPPER, DIGITS, SPECIAL].map((set) => set[random(set.length)]);
  while (chars.length < size) chars.push(all[random(all.length)]);
  // Fisher–Yates, so the guaranteed characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

// ── IP addresses ──────────────────────────────────────────────────────────────────────────────────
const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

export const isIpAddress = (value: string) => ipv4.safeParse(value).success || ipv6.safeParse(value).success;

/** The IPs typed into a box: one per line, or separated by commas, semicolons or spaces. */
export function parseIpList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type IpListProblem =
  | { problem: "tooMany"; count: number }
  | { problem: "invalid"; value: string }
  | { problem: "duplicate"; value: string };

/** The first thing wrong with a list of IPs, or null. */
export function checkIpList(ips: readonly string[]): IpListProblem | null {
  if (ips.length > API_KEY_MAX_IPS) return { problem: "tooMany", count: ips.length };
  const seen = new Set<string>();
  for (const ip of ips) {
    if (!isIpAddress(ip)) return { problem: "invalid", value: ip };
    if (seen.has(ip)) return { problem: "duplicate", value: ip };
    seen.add(ip);
  }
  return null;
}

// ── Permissions ───────────────────────────────────────────────────────────────────────────────────
/** The full permission list the exchange stores: read_only first, then the chosen ones in a fixed order. */
export function withReadOnly(perms: readonly string[]): ApiKeyPerm[] {
  const chosen = new Set(perms);
  return API_KEY_PERMS.filter((p) => p === "read_only" || chosen.has(p));
}

/** Trade or withdraw and no bound IP: the exchange deletes such a key after 14 idle days. */
export function isRiskyKey(perms: readonly string[], ips: readonly string[]): boolean {
  return ips.length === 0 && perms.some((p) => p === "trade" || p === "withdraw");
}
