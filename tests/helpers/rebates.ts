/**
 * The rebate-file pipeline as the integration tests drive it against the simulator: the worker's
 * dependencies, the brand's job run until a file is done, and a stored file's rows as the exchange wrote them.
 */
import { gunzipSync } from "node:zlib";
import { db } from "@/server/db/client";
import { silentLogger } from "@/server/exchange/okx/logger";
import type { RebatePipelineDeps } from "@/server/rebates/pipeline";
import { runRebateFiles } from "@/server/rebates/runner";
import { readStored } from "@/server/rebates/storage";

type Redis = NonNullable<RebatePipelineDeps["clientOptions"]>["redis"];

/** What the rebate-files worker runs with, pointed at the simulator and polling every 20 ms. */
export const pipelineDeps = (simulatorUrl: string, redis: Redis): RebatePipelineDeps => ({
  db,
  pollMs: 20,
  clientOptions: { endpoints: { simulatorUrl }, redis, logger: silentLogger },
});

/** The UTC day `back` days ago, as "2026-12-06". */
export const daysAgo = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

/** Runs the brand's job until the file is done (or gives up): each run is what the worker does every minute. */
export async function runUntilSettled(deps: RebatePipelineDeps, brandId: string, fileId: string) {
  for (let i = 0; i < 40; i++) {
    await db.rebateFile.update({ where: { id: fileId }, data: { nextCheckAt: new Date() } });
    await runRebateFiles(deps, { brandId });
    const file = await db.rebateFile.findUniqueOrThrow({ where: { id: fileId } });
    if (file.state === "imported" || file.state === "failed") return file;
  }
  return db.rebateFile.findUniqueOrThrow({ where: { id: fileId } });
}

/** The stored file's rows as the exchange wrote them, each a record of its header's fields. */
export async function storedRows(storageKey: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of readStored(storageKey)) chunks.push(chunk as Buffer);
  const [header, ...lines] = gunzipSync(Buffer.concat(chunks)).toString("utf8").trim().split("\n");
  const fields = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [fields[i], v])) as Record<string, string>);
}
