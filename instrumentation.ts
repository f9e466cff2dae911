/**
 * Runs once when the Next.js server starts: loads `.env` and this installation's generated secrets (as the
 * scripts and the worker do), then a production server on the public development secrets stops here,
 * before it answers anything (server/secrets-policy.ts).
 */
import { devSecretsRefusal } from "./server/secrets-policy";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnvFiles } = await import("./server/load-env");
  loadEnvFiles();
  const refusal = devSecretsRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}
