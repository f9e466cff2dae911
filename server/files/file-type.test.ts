import { describe, expect, it } from "vitest";
import { detectDocumentType } from "../kyc/file-type";
import { detectFileType } from "./file-type";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("file type from content", () => {
  it("recognises JPEG, PNG, WebP and PDF by their first bytes", () => {
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(detectFileType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
    expect(detectFileType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
  });

  it("recognises nothing else, whatever the name says: HTML, SVG, a RIFF that is not WebP, too few bytes", () => {
    expect(detectFileType(bytes("<html><script>alert(1)</script>"))).toBeNull();
    expect(detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectFileType(bytes("RIFF", [1, 2, 3, 4], "WAVE"))).toBeNull();
    expect(detectFileType(bytes([0x89, 0x50]))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });

  it("lets KYC accept exactly its document types", () => {
    expect(detectDocumentType(bytes("%PDF-1.4"))).toBe("application/pdf");
    expect(detectDocumentType(bytes("GIF89a"))).toBeNull();
  });
});
