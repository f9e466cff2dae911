/**
 * What a file's checks need to know about the brand it is imported for — the broker code its rows must
 * carry — without the import (./import.ts) passing it along: the import runs inside `withImportScope` and a
 * check reads `importScope()`. The scope follows the import's streams and callbacks (AsyncLocalStorage), so
 * it is the brand of this import even when several run at once in one process.
 *
 * `importRebateFile` (./import-brand.ts) is how the pipeline and the demo seed import a stored file: it looks
 * the brand up and runs the import in its scope. A check that needs the scope and finds none throws (a programming error,
 * never a refused row), so a kind with brand rules cannot be imported around it by mistake.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export interface ImportScope {
  brandId: string;
  /** The broker code the brand's FD rows carry; null when the brand has none (every such row is refused). */
  brokerCode: string | null;
}

const storage = new AsyncLocalStorage<ImportScope>();

export function withImportScope<T>(scope: ImportScope, run: () => Promise<T>): Promise<T> {
  return storage.run(scope, run);
}

/** The scope of the import running now; throws outside one. */
export function importScope(): ImportScope {
  const scope = storage.getStore();
  if (!scope) throw new Error("This file's rows are checked against its brand: import it with importRebateFile");
  return scope;
}
