/**
 * The services' own input check refuses with a reason whose English message is the schema's message word
 * for word (server/api-keys/input-errors.ts), on the same field; what no reason covers is errors.invalidField.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZApiKeyRevealInput, ZApiKeyVersion, ZCreateApiKeyInput, ZModifyApiKeyInput, ZSubaccountKeysInput } from "@/lib/api-keys/schemas";
import { inputRefusal } from "./input-errors";

const ID = "5d7c2a9e-1f4b-4c3a-8e2d-6b1a0f9c3d71";
const valid = { subaccountId: ID, label: "desk1", passphrase: "Test-Pass-1!", perms: [], ips: [] };

function firstIssue(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  expect(parsed.success, JSON.stringify(input)).toBe(false);
  return parsed.error!.issues[0];
}

const twentyOne = Array.from({ length: 21 }, (_, i) => `10.1.0.${i + 1}`);

describe("inputRefusal", () => {
  it.each<[string, z.ZodType, Record<string, unknown>, string, string]>([
    ["label missing", ZCreateApiKeyInput, { label: 5 }, "label", "apiKeys.errors.input.label.empty"],
    ["label empty", ZCreateApiKeyInput, { label: "  " }, "label", "apiKeys.errors.input.label.empty"],
    ["label too long", ZCreateApiKeyInput, { label: "a".repeat(51) }, "label", "apiKeys.errors.input.label.tooLong"],
    ["label characters", ZCreateApiKeyInput, { label: "has space" }, "label", "apiKeys.errors.input.label.characters"],
    ["passphrase missing", ZCreateApiKeyInput, { passphrase: undefined }, "passphrase", "apiKeys.errors.input.passphrase.missing"],
    ["passphrase length", ZCreateApiKeyInput, { passphrase: "Short1!" }, "passphrase", "apiKeys.errors.input.passphrase.length"],
    ["passphrase characters", ZCreateApiKeyInput, { passphrase: "Has space1!" }, "passphrase", "apiKeys.errors.input.passphrase.characters"],
    ["passphrase composition", ZCreateApiKeyInput, { passphrase: "NoSpecial123" }, "passphrase", "apiKeys.errors.input.passphrase.composition"],
    ["ips not a list", ZCreateApiKeyInput, { ips: "10.0.0.1" }, "ips", "apiKeys.errors.input.ips.notList"],
    ["too many ips", ZCreateApiKeyInput, { ips: twentyOne }, "ips", "apiKeys.errors.input.ips.tooMany"],
    ["invalid ip", ZCreateApiKeyInput, { ips: ["10.0.0.1", "300.1.1.1"] }, "ips", "apiKeys.errors.input.ips.invalid"],
    ["duplicate ip", ZCreateApiKeyInput, { ips: ["10.0.0.1", "10.0.0.1"] }, "ips", "apiKeys.errors.input.ips.duplicate"],
    ["perms not a list", ZCreateApiKeyInput, { perms: "trade" }, "perms", "apiKeys.errors.input.perms.notList"],
    ["too many perms", ZCreateApiKeyInput, { perms: ["trade", "trade", "trade", "trade"] }, "perms", "apiKeys.errors.input.perms.notList"],
    ["unknown perm", ZCreateApiKeyInput, { perms: ["admin"] }, "perms", "apiKeys.errors.input.perms.unknown"],
    ["unknown sub-account", ZCreateApiKeyInput, { subaccountId: "nope" }, "subaccountId", "apiKeys.errors.input.unknownSubaccount"],
    ["sub-account not a string", ZSubaccountKeysInput, { subaccountId: 7 }, "subaccountId", "apiKeys.errors.input.unknownSubaccount"],
    ["unknown key", ZApiKeyVersion, { id: "nope", version: 1 }, "id", "apiKeys.errors.input.unknownKey"],
    ["modify label", ZModifyApiKeyInput, { id: ID, version: 1, label: "a-b" }, "label", "apiKeys.errors.input.label.characters"],
    ["totp code", ZApiKeyRevealInput, { id: ID, totpCode: "12345" }, "totpCode", "apiKeys.errors.input.totpCode"],
  ])("%s: the schema's message, as a reason", (_name, schema, change, field, reason) => {
    const issue = firstIssue(schema, { ...valid, ...change });
    const error = inputRefusal(issue);
    expect(error).toMatchObject({ code: "VALIDATION", field, reason, message: issue.message });
  });

  it("carries the values the message names as params", () => {
    expect(inputRefusal(firstIssue(ZCreateApiKeyInput, { ...valid, ips: twentyOne }))).toMatchObject({
      params: { max: 20, count: 21 },
      message: "At most 20 IP addresses can be bound (21 given)",
    });
    expect(inputRefusal(firstIssue(ZCreateApiKeyInput, { ...valid, ips: ["300.1.1.1"] }))).toMatchObject({
      params: { value: "300.1.1.1" },
      message: '"300.1.1.1" is not an IPv4 or IPv6 address',
    });
    expect(inputRefusal(firstIssue(ZCreateApiKeyInput, { ...valid, passphrase: "Short1!" })).params).toEqual({ min: 8, max: 32 });
  });

  it("refuses what no reason words as an invalid field", () => {
    expect(inputRefusal(firstIssue(ZApiKeyVersion, { id: ID, version: 0 }))).toMatchObject({
      code: "VALIDATION",
      field: "version",
      reason: "errors.invalidField",
      params: { field: "version" },
    });
    expect(inputRefusal(firstIssue(ZApiKeyRevealInput, { id: ID, totpCode: 123456 }))).toMatchObject({ field: "totpCode", reason: "errors.invalidField" });
    expect(inputRefusal(firstIssue(ZCreateApiKeyInput, { ...valid, ips: [1] }))).toMatchObject({ field: "ips", reason: "errors.invalidField" });
  });
});
