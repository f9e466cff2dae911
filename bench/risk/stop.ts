/**
 * Emergency stop → the moment the last process refuses a mutation. Four probing processes (./stop-probe.ts:
 * two standing for web processes, two for workers) post through the ledger service in a loop; the stop is
 * triggered through the service (`triggerBrandStop`, step-up included, as the page does) and reset, ROUNDS
 * times. Per round, the latest of the four first refusals, measured from the trigger call's return (the
 * commit is inside it: an upper bound on the commit time, so a refusal can read as slightly negative) and
 * from its start (a bound the other way, which includes the step-up and the trigger's own transaction).
 *
 * Why not two production web processes and two `jobs/worker.ts`: the guard (server/emergency/guard.ts) has
 * no cache and no process state — every posting reads the stop in its own transaction — so the process
 * type adds only its own request overhead; a production build on this shared 2-core machine was not worth
 * the several minutes it takes. The probes use the same service call the portal's mutation makes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Db } from "../../server/db/client";

const ROOT = path.resolve(__dirname, "../..");
const PROBES = ["web 1", "web 2", "worker 1", "worker 2"];

export interface StopResult {
  rows: string;
  note: string;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))] ?? NaN;

export async function measureStop(o: { db: Db; brandId: string; rounds: number; env: Record<string, string>; log: (line: string) => void }): Promise<StopResult> {
  const { emergencyStopper } = await import("../../tests/helpers/emergency");
  const { createTestStaff, staffContext } = await import("../../tests/helpers/db");
  const stopper = await emergencyStopper(o.brandId);
  const { user } = await createTestStaff({ brandId: o.brandId, role: "operations" });
  const actor = (await staffContext(user, { tenantId: o.brandId })).actor;
  // Each probe posts to an account of its own, so the postings never wait on each other's row locks.
  const accounts = await o.db.tradingAccount.findMany({ where: { brandId: o.brandId }, take: PROBES.length, orderBy: { id: "asc" }, select: { id: true } });
  const state = PROBES.map(() => ({ refused: null as boolean | null, at: 0 }));
  const children: ChildProcess[] = [];
  for (const [i, account] of accounts.entries()) {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/risk/stop-probe.ts", o.brandId, account.id, JSON.stringify(actor)], {
      cwd: ROOT,
      env: { ...process.env, ...o.env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (m: { refused: boolean; at: number }) => (state[i] = m));
    children.push(child);
  }
  const until = async (refused: boolean, since: number) => {
    const deadline = Date.now() + 30_000;
    while (!state.every((s) => s.refused === refused && s.at >= since)) {
      if (Date.now() > deadline) throw new Error(`probes did not all become ${refused ? "refused" : "accepted"}: ${JSON.stringify(state)}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    return state.map((s) => s.at);
  };
  await until(false, 0);
  o.log(`stop: ${PROBES.length} probing processes posting; ${o.rounds} rounds`);
  const fromReturn: number[] = [];
  const fromStart: number[] = [];
  const triggerMs: number[] = [];
  for (let round = 0; round < o.rounds; round++) {
    await new Promise((r) => setTimeout(r, 200));
    const start = Date.now();
    await stopper.trigger();
    const returned = Date.now();
    const last = Math.max(...(await until(true, start)));
    fromReturn.push(last - returned);
    fromStart.push(last - start);
    triggerMs.push(returned - start);
    const resetAt = Date.now();
    await stopper.reset();
    await until(false, resetAt);
  }
  for (const c of children) c.disconnect();
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
  o.log(`stop: last process refuses p50 ${pct(fromReturn, 0.5)} ms, p99 ${pct(fromReturn, 0.99)} ms after the trigger returned (${pct(fromStart, 0.99)} ms after it was called)`);
  return {
    rows: `| emergency stop → last of ${PROBES.length} processes refuses a posting, ${o.rounds} rounds, after the trigger returned | p50 ${pct(fromReturn, 0.5)} ms, **p99 ${pct(fromReturn, 0.99)} ms**, max ${Math.max(...fromReturn)} ms | p99 ≤ 1 s |
| — the same, after the trigger was called (step-up and its transaction included) | p50 ${pct(fromStart, 0.5)} ms, p99 ${pct(fromStart, 0.99)} ms; the trigger call itself p50 ${pct(triggerMs, 0.5)} ms | |`,
    note: `The stop was measured with ${PROBES.length} probing processes (bench/risk/stop-probe.ts, two standing for web processes and two for workers), each posting a 1 USDT cash credit through \`adjustCash\` every 2 ms, not with production web servers: the stop's check has no cache and no per-process state (every posting reads it in its own transaction), so the kind of process does not change when it sees the stop.`,
  };
}
