/**
 * Re-encrypts every sealed column under a new ENCRYPTION_KEY, in one transaction: either every value is
 * readable with the new key afterwards, or nothing changed. A value the old key cannot open stops the
 * rotation (it would be lost otherwise) and names its table and row.
 */
import "server-only";

import type { Db } from "../db/client";
import { decryptWith, encryptWith } from "./secrets";

/** Every column holding an AES-256-GCM sealed value: table, primary key, columns. */
const SEALED = [
  { table: "brand", columns: ["okx_secret_enc", "okx_passphrase_enc"] },
  { table: "staff_user", columns: ["totp_secret_enc", "totp_pending_secret_enc"] },
  { table: "subaccount_api_key", columns: ["secret_key_enc", "passphrase_enc"] },
  { table: "partner_key", columns: ["secret_enc"] },
] as const;

export interface RotationReport {
  /** Values re-encrypted, per table. */
  rewritten: Record<string, number>;
}

export async function reencryptSecrets(db: Db, oldKeyBase64: string, newKeyBase64: string): Promise<RotationReport> {
  const oldKey = Buffer.from(oldKeyBase64, "base64");
  const newKey = Buffer.from(newKeyBase64, "base64");
  if (oldKey.length !== 32 || newKey.length !== 32) throw new Error("Both keys must be 32 bytes, base64-encoded");
  const rewritten: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      for (const { table, columns } of SEALED) {
        rewritten[table] = 0;
        const list = columns.map((c) => `"${c}"`).join(", ");
        const rows = await tx.$queryRawUnsafe<Record<string, string | null>[]>(
          `SELECT id::text AS id, ${list} FROM "${table}" WHERE ${columns.map((c) => `"${c}" IS NOT NULL`).join(" OR ")} FOR UPDATE`,
        );
        for (const row of rows) {
          const values = columns.map((c) => {
            const sealed = row[c];
            if (sealed == null) return null;
            try {
              return encryptWith(newKey, decryptWith(oldKey, sealed));
            } catch {
              throw new Error(`${table} ${row.id}: ${c} cannot be opened with the current ENCRYPTION_KEY; nothing was changed`);
            }
          });
          const sets = columns.map((c, i) => `"${c}" = $${i + 2}`).join(", ");
          await tx.$executeRawUnsafe(`UPDATE "${table}" SET ${sets} WHERE id = $1::uuid`, row.id, ...values);
          rewritten[table] += values.filter((v) => v !== null).length;
        }
      }
    },
    { timeout: 120_000 },
  );
  return { rewritten };
}
