/**
 * `npm run db:seed` (and `prisma db seed`): loads the demo data into DATABASE_URL. Safe to re-run.
 * Demo logins: prisma/demo-accounts.ts and the README.
 */
import "../server/load-env";
import { db } from "../server/db/client";
import { seedAll } from "./seed/index";

seedAll(db)
  .catch((error: unknown) => {
    console.error("seed failed:", error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
