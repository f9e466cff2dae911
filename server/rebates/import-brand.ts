/** Imports a stored exchange file for its brand: ./import.ts inside the brand's scope (./import-scope.ts). */
import "server-only";
import type { DbTx } from "../db/client";
import type { RebateFileKind } from "../db/generated/enums";
import { importStoredFile, type ImportOutcome } from "./import";
import { withImportScope } from "./import-scope";

/** The import of a stored file, with the checks that depend on its brand (the broker code of FD rows). */
export async function importRebateFile(
  db: DbTx,
  file: { id: string; brandId: string; kind: RebateFileKind; storageKey: string },
  onProgress?: (bytesRead: number) => void,
): Promise<ImportOutcome> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: file.brandId }, select: { brokerCode: true } });
  return withImportScope({ brandId: file.brandId, brokerCode: brand.brokerCode }, () => importStoredFile(file, onProgress));
}
