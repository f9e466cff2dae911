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

/** The transaction, with queryRaw and executeRaw taking turns in the order they were called. */
function inTurn(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const queued =
    <A, R>(run: (arg: A) => Promise<R>) =>
    (arg: A): Promise<R> => {
      const result = tail.then(() => run(arg));
      tail = result.catch(() => undefined);
      return result;
    };
  return overriding(tx, { queryRaw: queued(tx.queryRaw.bind(tx)), executeRaw: queued(tx.executeRaw.bind(tx)) });
}

const withSerialisedTransactions = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
  overriding(adapter, { startTransaction: async (...args) => inTurn(await adapter.startTransaction(...args)) });

export const serialisedTransactions = (factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory =>
  overriding(factory, { connect: async () => withSerialisedTransactions(await factory.connect()) });
