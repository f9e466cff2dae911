/**
 * `npm run demo:totp -- <email>`: the current 6-digit code of a demo account with TOTP, and how long it
 * stays valid. `npm run demo:totp -- --list` prints every demo login. Needs no database: the demo
 * secrets are fixed in prisma/demo-accounts.ts.
 */
import { generate } from "otplib";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount } from "../prisma/demo-accounts";

const STEP_SECONDS = 30;

function printList() {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(`Demo logins (password for all: ${DEMO_PASSWORD})`);
  for (const a of DEMO_ACCOUNTS) {
    const brand = a.brandSlug ?? "all brands";
    const totp = a.totpSecret ? `  TOTP: npm run demo:totp -- ${a.email}` : "";
    console.log(`  ${a.email.padEnd(width)}  ${a.role.padEnd(14)} ${brand.padEnd(10)}${totp}`);
  }
}

async function main() {
  const arg = process.argv[2];
  if (!arg || arg === "--help" || arg === "-h") {
    console.error("usage: npm run demo:totp -- <email>   (or --list for every demo login)");
    process.exit(arg ? 0 : 2);
  }
  if (arg === "--list") return printList();

  const account = DEMO_ACCOUNTS.find((a) => a.email === arg.trim().toLowerCase());
  if (!account) {
    console.error(`${arg} is not a demo account. Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
    process.exit(1);
  }
  const { totpSecret } = demoAccount(account.email);
  if (!totpSecret) {
    console.error(`${account.email} signs in without TOTP (password ${DEMO_PASSWORD}).`);
    process.exit(1);
  }
  const now = Math.floor(Date.now() / 1000);
  const code = await generate({ secret: totpSecret, epoch: now });
  const remaining = STEP_SECONDS - (now % STEP_SECONDS);
  console.log(`${code}  (${account.email}, valid for ${remaining}s more)`);
  if (remaining <= 10) {
    // Sign-in accepts one step of clock drift, so the next code already works too.
    console.log(`${await generate({ secret: totpSecret, epoch: now + STEP_SECONDS })}  (next code, also accepted now)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
