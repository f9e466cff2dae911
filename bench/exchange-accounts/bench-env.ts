/**
 * Points the app's modules at the benchmark's own database. Imported right after load-env and before any
 * app module, because server/env reads DATABASE_URL once, when first imported.
 */
import { databaseUrlNamed } from "../../scripts/lib/database-url";

export const BENCH_URL = process.env.BENCH_EXACCT_DATABASE_URL || databaseUrlNamed("brokerdesk_bench_exacct");
process.env.DATABASE_URL = BENCH_URL;
