import { describe, expect, it } from "vitest";
import { KYC_MAX_DOCUMENT_BYTES } from "@/lib/kyc/schemas";
import { checkDocumentFile, formatBytes, maskIdNumber, reasonLabel, splitHours } from "./kyc-format";

describe("checkDocumentFile", () => {
  it("accepts the four document types up to the limit", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp", "application/pdf"]) {
      expect(checkDocumentFile({ type, size: KYC_MAX_DOCUMENT_BYTES })).toBeNull();
    }
  });
  it("refuses other types, empty files and files over the limit", () => {
    expect(checkDocumentFile({ type: "text/plain", size: 10 })).toBe("badType");
    expect(checkDocumentFile({ type: "", size: 10 })).toBe("badType");
    expect(checkDocumentFile({ type: "image/png", size: 0 })).toBe("empty");
    expect(checkDocumentFile({ type: "application/pdf", size: KYC_MAX_DOCUMENT_BYTES + 1 })).toBe("tooLarge");
  });
});

describe("maskIdNumber", () => {
  it("keeps only the last four characters", () => {
    expect(maskIdNumber("E12345678")).toBe("•••••5678");
  });
  it("hides short numbers entirely and never reveals the length below four", () => {
    expect(maskIdNumber("1234")).toBe("••••");
    expect(maskIdNumber("12")).toBe("••••");
  });
});

describe("splitHours", () => {
  it("splits whole hours into days and hours", () => {
    expect(splitHours(5)).toEqual({ days: 0, hours: 5 });
    expect(splitHours(49)).toEqual({ days: 2, hours: 1 });
    expect(splitHours(-3)).toEqual({ days: 0, hours: 0 });
  });
});

describe("formatBytes", () => {
  it("picks the unit", () => {
    expect(formatBytes(840, "en")).toBe("840 B");
    expect(formatBytes(2048, "en")).toBe("2 KB");
    expect(formatBytes(1.5 * 1024 * 1024, "en")).toBe("1.5 MB");
  });
});

describe("reasonLabel", () => {
  it("uses the Chinese label only for Chinese readers and only when set", () => {
    expect(reasonLabel({ label: "Blurry", labelZh: "模糊" }, "zh-CN")).toBe("模糊");
    expect(reasonLabel({ label: "Blurry", labelZh: "模糊" }, "en")).toBe("Blurry");
    expect(reasonLabel({ label: "Blurry", labelZh: null }, "zh-CN")).toBe("Blurry");
  });
});
