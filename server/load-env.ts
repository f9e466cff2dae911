/**
 * Loads the repository's `.env`, if there is one, into process.env without overriding variables that
 * are already set — what Next.js and prisma.config.ts do, so scripts, tests and the app agree.
 * Import it FIRST (before anything that reads server/env.ts).
 */
import fs from "node:fs";
import path from "node:path";

const file = path.resolve(__dirname, "../.env");
if (fs.existsSync(file)) process.loadEnvFile(file);
