import { describe, expect, it } from "vitest";
import { DEV_AUTH_SECRET, DEV_ENCRYPTION_KEY } from "./env-defaults";
import { devSecretsRefusal } from "./secrets-policy";

const OWN = { NEXTAUTH_SECRET: "x".repeat(48), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };

describe("devSecretsRefusal", () => {
  it("refuses a production server on the built-in secrets, set or defaulted, naming them", () => {
    expect(devSecretsRefusal({ NODE_ENV: "production" })).toMatch(/NEXTAUTH_SECRET and ENCRYPTION_KEY are the built-in development value/);
    expect(devSecretsRefusal({ NODE_ENV: "production", ...OWN, ENCRYPTION_KEY: DEV_ENCRYPTION_KEY })).toMatch(/^\[brokerdesk\] refusing to start: ENCRYPTION_KEY is/);
    expect(devSecretsRefusal({ NODE_ENV: "production", ...OWN, NEXTAUTH_SECRET: DEV_AUTH_SECRET })).toMatch(/NEXTAUTH_SECRET is/);
  });

  it("lets through own secrets, an explicit ALLOW_DEV_SECRETS=1, development, and the build", () => {
    expect(devSecretsRefusal({ NODE_ENV: "production", ...OWN })).toBeNull();
    expect(devSecretsRefusal({ NODE_ENV: "production", ALLOW_DEV_SECRETS: "1" })).toBeNull();
    expect(devSecretsRefusal({ NODE_ENV: "development" })).toBeNull();
    expect(devSecretsRefusal({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toBeNull();
  });
});
