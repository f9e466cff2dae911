/**
 * Built-in defaults that let `npm start` run on a fresh machine with no `.env`.
 * Kept free of imports so the Prisma CLI config, scripts and the app can all read them.
 */
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/brokerdesk";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
/** Development-only secrets; `server/env.ts` warns loudly when production runs on them. */
export const DEV_AUTH_SECRET = "brokerdesk-dev-auth-secret-change-me-in-production";
/** 32 bytes, base64. */
export const DEV_ENCRYPTION_KEY = "YnJva2VyZGVzay1kZXYta2V5LTMyLWJ5dGVzLWxvbmc=";

/** The built-in OKX simulator (`npm run okx-sim`): where it listens and the demo-trading key it accepts. */
export const DEFAULT_OKX_SIM_PORT = 8787;
export const DEFAULT_OKX_SIM_API_KEY = "bd-sim-8f14e45f-ceea-467f-a0e6-2d5c1e8a9b01";
export const DEFAULT_OKX_SIM_SECRET_KEY = "BDSIM0SECRET0KEY0A1B2C3D4E5F6A7B8";
export const DEFAULT_OKX_SIM_PASSPHRASE = "Sim-Passphrase-1!";
/** Real OKX. Demo trading uses the same host with `x-simulated-trading: 1`. */
export const DEFAULT_OKX_LIVE_BASE_URL = "https://www.okx.com";
