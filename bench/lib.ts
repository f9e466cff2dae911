/** What every benchmark script shares: its command-line options, a fresh database, its RESULTS.md section. */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { recreateDatabase } from "../scripts/lib/databases";

export const RESULTS_FILE = path.resolve(__dirname, "RESULTS.md");

/** `--name value` from the command line. */
export const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? process.argv[i + 1] : undefined;
};

/** Drops and recreates a `*_bench` database (the caller migrates it); returns the server's version. */
export async function recreateBenchDatabase(url: string): Promise<string> {
  await recreateDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** Replaces the `## <heading>` section of bench/RESULTS.md with `text` (or appends it), leaving the others alone. */
export async function writeResultsSection(heading: string, text: string): Promise<void> {
  let doc = "";
  try {
    doc = await readFile(RESULTS_FILE, "utf8");
  } catch {
    doc = "# Benchmark results\n\nNumbers from the benchmarks in bench/ (see bench/README.md), newest run of each.\n\n";
  }
  const start = doc.indexOf(`${heading}\n`);
  if (start === -1) doc = `${doc.trimEnd()}\n\n${text}`;
  else {
    const next = doc.indexOf("\n## ", start + heading.length);
    doc = doc.slice(0, start) + text + (next === -1 ? "" : doc.slice(next + 1));
  }
  await writeFile(RESULTS_FILE, `${doc.trimEnd()}\n`);
}
