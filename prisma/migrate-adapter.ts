/**
 * Driver-adapter factory for the Prisma CLI only (migrate deploy/dev/diff/reset). The app's runtime
 * client uses the stock `PrismaPg`. Three fixes over the stock factory, see ../shared/STACK.md:
 *  1. catalog columns of type "char" (oid 18), name (19) and name[] (1003) are reported as text/text[];
 *  2. the shadow database is really a separate database, created and dropped here;
 *  3. a migration script is sent as one query, so `$$`-quoted function bodies survive.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const RETYPED_OIDS: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1003: TEXT_ARRAY_OID };
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY_OID as Parameters<typeof pg.types.getTypeParser>[0]) as (value: string) => string[];

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[][] };

function retypeCatalogColumns(result: QueryResultLike) {
  result.fields?.forEach((field, index) => {
    const retyped = RETYPED_OIDS[field.dataTypeID];
    if (retyped === undefined) return;
    if (field.dataTypeID === 1003) {
      for (const row of result.rows ?? []) {
        if (Array.isArray(row) && typeof row[index] === "string") row[index] = parseTextArray(row[index]);
      }
    }
    field.dataTypeID = retyped;
  });
  return result;
}

/** A pg client whose array-mode results never carry the catalog types the adapter cannot map. */
class CatalogSafeClient extends pg.Client {
  // pg's overloads are too wide to restate; the wrapper only post-processes promise results.
  query(...args: unknown[]): never {
    // pg.Pool calls client.query with a trailing callback; direct callers get a promise.
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (err: unknown, res?: QueryResultLike) => void;
      args[args.length - 1] = (err: unknown, res?: QueryResultLike) =>
        callback(err, res ? retypeCatalogColumns(res) : res);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.then((r: QueryResultLike) => retypeCatalogColumns(r)) as never;
    }
    return result as never;
  }
}

function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname || "127.0.0.1",
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database ?? decodeURIComponent(url.pathname.replace(/^\//, "")),
    Client: CatalogSafeClient,
    max: 4,
  };
}

async function connectAdapter(config: pg.PoolConfig, onDispose?: () => Promise<void>) {
  const pool = new pg.Pool(config);
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await onDispose?.();
  };
  return adapter;
}

async function adminQuery(databaseUrl: string, sql: string) {
  const client = new pg.Client(poolConfig(databaseUrl, "postgres"));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function createMigrateAdapterFactory(databaseUrl: string) {
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(poolConfig(databaseUrl)),
    connectToShadowDb: async () => {
      const shadow = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await adminQuery(databaseUrl, `CREATE DATABASE "${shadow}"`);
      return connectAdapter(poolConfig(databaseUrl, shadow), () =>
        adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`),
      );
    },
  };
}
