/**
 * The time audit rows are written at. Always the real time, except while the demo seed replays a planned
 * history (prisma/seed/kyc.ts): then each step's audit row carries the step's planned time, so a
 * customer's timeline and the application's history tell the same story. Nothing outside the seed calls
 * `replayAt`; the hash chain covers whichever time is written.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

const replayed = new AsyncLocalStorage<Date>();

export const auditNow = (): Date => replayed.getStore() ?? new Date();

/** Demo data only: runs `work` with audit rows dated `at`. */
export const replayAt = <T>(at: Date, work: () => Promise<T>): Promise<T> => replayed.run(at, work);
