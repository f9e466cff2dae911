/**
 * Installation secrets (scripts/secrets.ts, server/crypto/rotate.ts): `ensure` makes them once, 0600, and a
 * second run changes nothing; re-encryption moves every sealed column to the new key in one transaction and
 * changes nothing when one value cannot be opened. Rotation covers a whole database, so these tests have
 * one of their own (brokerdesk_test_secrets), not the shared test database other files seal values in.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlNamed, prepareDatabase } from "../../scripts/lib/databases";
import { reencryptSecrets } from "@/server/crypto/rotate";
import { decryptWith, encryptWith } from "@/server/crypto/secrets";
import { PrismaClient } from "@/server/db/generated/client";

const url = databaseUrlNamed("brokerdesk_test_secrets");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const RUN_KEY = randomBytes(32).toString("base64");
const keyBytes = (key: string) => Buffer.from(key, "base64");
const newKey = () => randomBytes(32).toString("base64");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brokerdesk-secrets-"));

beforeAll(() => prepareDatabase(url), 120_000);
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A brand with exchange credentials and an admin with a TOTP seed, sealed under `key`. */
async function sealed(key = RUN_KEY) {
  const suffix = randomUUID().slice(0, 8);
  const brand = await db.brand.create({
    data: { slug: `s-${suffix}`, name: `Secrets ${suffix}`, okxApiKey: "key", okxSecretEnc: encryptWith(keyBytes(key), "okx-secret"), okxPassphraseEnc: encryptWith(keyBytes(key), "okx-pass") },
  });
  const user = await db.staffUser.create({
    data: { brandId: brand.id, email: `s-${suffix}@example.test`, name: "S", role: "admin", passwordHash: "x", totpSecretEnc: encryptWith(keyBytes(key), "JBSWY3DPEHPK3PXP") },
  });
  return { brand, user };
}

describe("reencryptSecrets", () => {
  it("moves every sealed column to the new key, and back", async () => {
    const { brand, user } = await sealed();
    const next = newKey();
    const report = await reencryptSecrets(db, RUN_KEY, next);
    expect(report.rewritten.brand).toBeGreaterThanOrEqual(2);
    const b = await db.brand.findUniqueOrThrow({ where: { id: brand.id } });
    const u = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(decryptWith(keyBytes(next), b.okxSecretEnc!)).toBe("okx-secret");
    expect(decryptWith(keyBytes(next), u.totpSecretEnc!)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => decryptWith(keyBytes(RUN_KEY), b.okxPassphraseEnc!)).toThrow();
    await reencryptSecrets(db, next, RUN_KEY);
    expect(decryptWith(keyBytes(RUN_KEY), (await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxPassphraseEnc!)).toBe("okx-pass");
  });

  it("changes nothing when a value cannot be opened with the current key, and names it", async () => {
    const { brand } = await sealed();
    const stray = await db.staffUser.create({
      data: { brandId: brand.id, email: `stray-${randomUUID().slice(0, 8)}@example.test`, name: "S", role: "support", passwordHash: "x", totpSecretEnc: encryptWith(keyBytes(newKey()), "x") },
    });
    const before = await db.brand.findUniqueOrThrow({ where: { id: brand.id } });
    try {
      await expect(reencryptSecrets(db, RUN_KEY, newKey())).rejects.toThrow(`staff_user ${stray.id}: totp_secret_enc cannot be opened`);
      expect((await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxSecretEnc).toBe(before.okxSecretEnc);
    } finally {
      await db.staffUser.update({ where: { id: stray.id }, data: { totpSecretEnc: null } });
    }
  });
});

describe("npm run secrets", () => {
  const file = path.join(dir, "nested", "secrets.env");
  // As on a fresh installation: no session secret of the operator's, the database under its current key.
  const { NEXTAUTH_SECRET: _unset, ...withoutSessionSecret } = process.env;
  const run = (...args: string[]) =>
    spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/secrets.ts", ...args], {
      encoding: "utf8",
      env: { ...withoutSessionSecret, DATABASE_URL: url, BROKERDESK_SECRETS_FILE: file, ENCRYPTION_KEY: RUN_KEY },
    });
  const keyIn = (text: string) => text.match(/^ENCRYPTION_KEY=(.+)$/m)![1]!;

  it("ensure makes the secrets once, private, re-encrypting what the database holds; rotate replaces them", async () => {
    const { brand } = await sealed();
    const first = run("ensure");
    expect(first.status, first.stderr).toBe(0);
    const written = fs.readFileSync(file, "utf8");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(written).toMatch(/^NEXTAUTH_SECRET=\S{64}$/m);
    const generated = keyIn(written);
    const resealed = async () => (await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).okxSecretEnc!;
    expect(decryptWith(keyBytes(generated), await resealed())).toBe("okx-secret");
    expect(run("ensure").status).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe(written);

    const rotated = run("rotate");
    expect(rotated.status, rotated.stderr).toBe(0);
    const after = keyIn(fs.readFileSync(file, "utf8"));
    expect(after).not.toBe(generated);
    expect(decryptWith(keyBytes(after), await resealed())).toBe("okx-secret");
  });
});
