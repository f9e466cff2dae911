/**
 * Which rows were written between two moments, for "a refused call wrote nothing". An AFTER ROW trigger
 * on every table of the test database logs each committed insert, update and delete into one table; a
 * rolled-back write leaves no log row, and a read (even SELECT … FOR UPDATE) logs nothing. Exact where
 * row counts miss updates, and unlike transaction ids not fooled by other databases on the same server.
 * Install it in a file's beforeAll and remove it in afterAll: the test database outlives the file.
 */
import { db } from "@/server/db/client";

const LOG = "test_write_probe";

export interface WriteProbe {
  /** The position to compare against later. */
  mark(): Promise<bigint>;
  /** "table insert × n" for every write committed since `mark`; empty when nothing was written. */
  writesSince(mark: bigint): Promise<string[]>;
  remove(): Promise<void>;
}

export async function installWriteProbe(): Promise<WriteProbe> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${LOG} (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await db.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION ${LOG}_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ${LOG} (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`,
  );
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN (${LOG}, '_prisma_migrations')`;
  for (const { name } of tables) {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${LOG} ON "${name}"`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${LOG} AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION ${LOG}_log()`);
  }
  return {
    async mark() {
      const [{ id }] = await db.$queryRawUnsafe<{ id: bigint }[]>(`SELECT coalesce(max(id), 0)::bigint AS id FROM ${LOG}`);
      return id;
    },
    async writesSince(mark) {
      const rows = await db.$queryRawUnsafe<{ tbl: string; op: string; n: number }[]>(
        `SELECT tbl, op, count(*)::int AS n FROM ${LOG} WHERE id > $1 GROUP BY tbl, op ORDER BY tbl, op`,
        mark,
      );
      return rows.map((r) => `${r.tbl} ${r.op.toLowerCase()} × ${r.n}`);
    },
    async remove() {
      for (const { name } of tables) await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${LOG} ON "${name}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${LOG}_log() CASCADE`);
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${LOG}`);
    },
  };
}
