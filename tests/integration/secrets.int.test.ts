/**
 * Installation secrets (scripts/secrets.ts, server/crypto/rotate.ts): `ensure` makes them once, 0600, and a
 * second run changes nothing; re-encryption moves every sealed column to the new key in one transaction and
 * changes nothing when one value cannot be opened. The database is put back under the run's key afterwards,
 * so the files that follow read it as before.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret, decryptWith, encryptSecret, encryptWith } from "@/server/crypto/secrets";
import { reencryptSecrets } from "@/server/crypto/rotate";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { createTestBrand, createTestStaff } from "../helpers/db";

const RUN_KEY = env.ENCRYPTION_KEY;
const newKey = () => randomBytes(32).toString("base64");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brokerdesk-secrets-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sealedStaff() {
  const brand = await createTestBrand({ okxApiKey: "key", okxSecretEnc: encryptSecret("okx-secret"), okxPassphraseEnc: encryptSecret("okx-pass") });
  const { user } = await createTestStaff({ brandId: brand.id, role: "admin", data: { totpSecretEnc: encryptSecret("JBSWY3DPEHPK3PXP") } });
  return { brand, user };
}

describe("reencryptSecrets", () => {
  it("moves every sealed column to the new key, and back", async () => {
    const { brand, user } = await sealedStaff();
    const next = newKey();
    const report = await reencryptSecrets(db, RUN_KEY, next);
    try {
      expect(report.rewritten.brand).toBeGreaterThanOrEqual(2);
      const b = await db.brand.findUniqueOrThrow({ where: { id: brand.id } });
      const u = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
      expect(decryptWith(Buffer.from(next, "base64"), b.okxSecretEnc!)).toBe("okx-secret");
      expect(decryptWith(Buffer.from(next, "base64"), u.totpSecretEnc!)).toBe("JBSWY3DPEHPK3PXP");
      expect(() => decryptSecret(b.okxPassphraseEnc!)).toThrow();
    } finally {
      await reencryptSecrets(db, next, RUN_KEY);
    }
    expect(decryptSecret((await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxPassphraseEnc!)).toBe("okx-pass");
  });

  it("changes nothing when a value cannot be opened with the current key, and names it", async () => {
    const { brand } = await sealedStaff();
    const stray = await createTestStaff({ brandId: brand.id, role: "support", data: { totpSecretEnc: encryptWith(Buffer.from(newKey(), "base64"), "x") } });
    const before = await db.brand.findUniqueOrThrow({ where: { id: brand.id } });
    try {
      await expect(reencryptSecrets(db, RUN_KEY, newKey())).rejects.toThrow(`staff_user ${stray.user.id}: totp_secret_enc cannot be opened`);
      expect((await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxSecretEnc).toBe(before.okxSecretEnc);
    } finally {
      await db.staffUser.update({ where: { id: stray.user.id }, data: { totpSecretEnc: null } });
    }
  });
});

describe("npm run secrets", () => {
  const file = path.join(dir, "nested", "secrets.env");
  // As on a fresh installation: no session secret of the operator's, the database under the run's key.
  const { NEXTAUTH_SECRET: _unset, ...withoutSessionSecret } = process.env;
  const run = (...args: string[]) =>
    spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/secrets.ts", ...args], {
      encoding: "utf8",
      env: { ...withoutSessionSecret, BROKERDESK_SECRETS_FILE: file, ENCRYPTION_KEY: RUN_KEY },
    });
  const keyIn = (text: string) => text.match(/^ENCRYPTION_KEY=(.+)$/m)![1]!;

  it("ensure makes the secrets once, private, re-encrypting what the database holds; rotate replaces them", async () => {
    const { brand } = await sealedStaff();
    const first = run("ensure");
    expect(first.status, first.stderr).toBe(0);
    const written = fs.readFileSync(file, "utf8");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(written).toMatch(/^NEXTAUTH_SECRET=\S{64}$/m);
    const generated = keyIn(written);
    try {
      const sealed = (await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxSecretEnc!;
      expect(decryptWith(Buffer.from(generated, "base64"), sealed)).toBe("okx-secret");
      expect(run("ensure").status).toBe(0);
      expect(fs.readFileSync(file, "utf8")).toBe(written);

      const rotated = run("rotate");
      expect(rotated.status, rotated.stderr).toBe(0);
      const after = keyIn(fs.readFileSync(file, "utf8"));
      expect(after).not.toBe(generated);
      const resealed = (await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxSecretEnc!;
      expect(decryptWith(Buffer.from(after, "base64"), resealed)).toBe("okx-secret");
    } finally {
      await reencryptSecrets(db, keyIn(fs.readFileSync(file, "utf8")), RUN_KEY);
    }
  });
});
