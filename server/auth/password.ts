/** Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane). */
import "server-only";
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so response time does not tell which emails exist. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= hashPassword(`unknown-user-${randomInt(1e9)}`));

/**
 * A temporary password an admin hands over after a reset, e.g. "Kp7m-x3Qa-Zt9w-R4!": 16 characters
 * with every class the password policy asks for. The staff member must replace it at next sign-in.
 */
export function generateTemporaryPassword(): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
  const pick = (set: string) => set[randomInt(set.length)];
  const group = () => pick(letters) + pick("23456789") + pick(letters) + pick(letters.toLowerCase());
  return `${group()}-${group()}-${group()}-${pick("ABCDEFGHJKLMNPQRSTUVWXYZ")}${pick("23456789")}!`;
}
