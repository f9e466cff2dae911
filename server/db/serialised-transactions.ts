/**
 * An interactive transaction holds one pg connection, and a connection runs one query at a time. Prisma's
 * query interpreter still sends a read's relations together (a `select` with two relations → two queries
 * at once), which pg 8 queues with a deprecation warning and pg 9 refuses. This wraps the adapter so each
 * transaction's queries go out one after another; pool queries outside transactions are left alone.
 * (Upstream: prisma/orm#29979, "serialize queries on single-connection clients" — drop this once it ships.)
 */
import "server-only";

import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

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
  const queryRaw = queued(tx.queryRaw.bind(tx));
  const executeRaw = queued(tx.executeRaw.bind(tx));
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "queryRaw") return queryRaw;
      if (prop === "executeRaw") return executeRaw;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function withSerialisedTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "startTransaction") return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => inTurn(await target.startTransaction(...args));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function serialisedTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => withSerialisedTransactions(await target.connect());
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
