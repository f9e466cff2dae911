/**
 * Writes the partner API's typed client definitions (tests/partner-api/openapi.d.ts) from the OpenAPI
 * document the server generates. `npm run partner-api:types` after changing an endpoint;
 * tests/partner-api/document.int.test.ts fails while the file is stale.
 */
import { writeFileSync } from "node:fs";
import { renderTypes, TYPES_PATH } from "./lib/partner-api-types";

void renderTypes().then((text) => {
  writeFileSync(TYPES_PATH, text);
  console.log(`Wrote ${TYPES_PATH}`);
});
