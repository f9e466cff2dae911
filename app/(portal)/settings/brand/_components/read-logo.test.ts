import { describe, expect, it } from "vitest";
import { checkLogoFile, formatBytes, readAsBase64 } from "./read-logo";
import { LOGO_MAX_BYTES } from "./schema";

const file = (size: number, type: string) => new File([new Uint8Array(size)], "logo", { type });

describe("checkLogoFile", () => {
  it("accepts PNG, JPEG and WebP up to the limit", () => {
    for (const type of ["image/png", "image/jpeg", "image/webp"]) {
      expect(checkLogoFile(file(LOGO_MAX_BYTES, type))).toEqual({ ok: true, mime: type });
    }
  });
  it("refuses other types, SVG included", () => {
    expect(checkLogoFile(file(10, "image/svg+xml"))).toEqual({ ok: false, problem: "badType" });
    expect(checkLogoFile(file(10, ""))).toEqual({ ok: false, problem: "badType" });
  });
  it("refuses empty and oversized files", () => {
    expect(checkLogoFile(file(0, "image/png"))).toEqual({ ok: false, problem: "empty" });
    expect(checkLogoFile(file(LOGO_MAX_BYTES + 1, "image/png"))).toEqual({ ok: false, problem: "tooLarge" });
  });
});

describe("formatBytes", () => {
  it("rounds kilobytes up and shows megabytes with one decimal", () => {
    expect(formatBytes(300 * 1024 + 1, "en")).toBe("301 KB");
    expect(formatBytes(1.5 * 1024 * 1024, "en")).toBe("1.5 MB");
  });
});

describe("readAsBase64", () => {
  it("returns the bytes as plain base64", async () => {
    const bytes = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "x.png", { type: "image/png" });
    expect(await readAsBase64(bytes)).toBe("iVBORw==");
  });
});
