/**
 * After every spec has run: no live session id — a bearer value, as good as the cookie it is in — appears
 * in any audit row of the run's database, in any answer the app gave the browser (recorded by
 * fixtures.ts), or in any line the server logged. Runs as the setup project's teardown.
 */
import fs from "node:fs";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../tests/setup/test-databases";
import { RESPONSES_FILE, SERVER_LOG } from "./fixtures";

test("no session id in any audit row, browser answer or server log line of the run", async () => {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>("SELECT id::text FROM staff_session")).rows.map((r) => r.id);
    const auditRows = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0]!.n;
    const leaked = await client.query<{ action: string }>(
      "SELECT a.action FROM audit_log a JOIN staff_session s ON strpos(row_to_json(a)::text, s.id::text) > 0 LIMIT 5",
    );
    // The sweep has something to look at: the run signed people in and wrote an audit trail.
    expect(ids.length).toBeGreaterThan(5);
    expect(auditRows).toBeGreaterThan(ids.length);
    expect(leaked.rows.map((r) => r.action), "audit rows holding a session id").toEqual([]);

    for (const [what, file, least] of [["browser answers", RESPONSES_FILE, 100_000], ["server log", SERVER_LOG, 10]] as const) {
      const text = fs.readFileSync(file, "utf8");
      expect(text.length, `${what} recorded`).toBeGreaterThan(least);
      expect(ids.filter((id) => text.includes(id)), `${what} holding a session id`).toEqual([]);
    }
  } finally {
    await client.end();
  }
});
