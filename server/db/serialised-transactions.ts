/**
 * An interactive transaction holds one pg connection, and a connection runs one query at a time. Prisma's
 * query interpreter still sends a read's relations together (a `select` with two relations → two queries
 * at once), which pg 8 queues with a deprecation warning and pg 9 refuses. This wraps the adapter so each
 * transaction's queries go out one after another; pool queries outside transactions are left alone.
 * (Upstream: prisma/orm#29979, "serialize queries on single-connection clients" — drop this once it ships.)
 */
import "server-only";

import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { overriding } from "./overriding";

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * The transaction, with queryRaw and executeRaw taking turns in the order they were called — and its
 * connection given back to the pool even when COMMIT or ROLLBACK fails. Prisma 6.19 sends ROLLBACK and only
 * then releases the connection; on a connection a database restart killed, ROLLBACK throws and the release
 * never comes, so every cut transaction kept one pool slot for good until the pool was empty and all queries
 * waited forever (tests/integration/db-transaction-restart.int.test.ts). pg drops a dead client it is given back.
 */
function inTurn(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  let released = false;
  const release = (end: () => Promise<void>) => async () => {
    if (released) return;
    released = true;
    await end();
  };
  const rollback = release(tx.rollback.bind(tx));
  const queued =
    <A, R>(run: (arg: A) => Promise<R>) =>
    (arg: A): Promise<R> => {
      const result = tail.then(() => run(arg));
      tail = result.catch(() => undefined);
      return result;
    };
  const execute = queued(tx.executeRaw.bind(tx));
  return overriding(tx, {
    queryRaw: queued(tx.queryRaw.bind(tx)),
    executeRaw: async (query) => {
      try {
        return await execute(query);
      } catch (error) {
        if (ENDS_TRANSACTION.test(query.sql)) await rollback().catch(() => undefined);
        throw error;
      }
    },
    commit: release(tx.commit.bind(tx)),
    rollback,
  });
}

const withSerialisedTransactions = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
  overriding(adapter, { startTransaction: async (...args) => inTurn(await adapter.startTransaction(...args)) });

export const serialisedTransactions = (factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory =>
  overriding(factory, { connect: async () => withSerialisedTransactions(await factory.connect()) });
