/**
 * Where the suites' throwaway databases live: on DATABASE_URL's server, named `brokerdesk_test`
 * (integration) and `brokerdesk_e2e` (Playwright). TEST_DATABASE_URL / E2E_DATABASE_URL override them.
 */
import { databaseUrlNamed } from "../../scripts/lib/database-url";

export const integrationDatabaseUrl = () => process.env.TEST_DATABASE_URL || databaseUrlNamed("brokerdesk_test");
export const e2eDatabaseUrl = () => process.env.E2E_DATABASE_URL || databaseUrlNamed("brokerdesk_e2e");
