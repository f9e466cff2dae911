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
