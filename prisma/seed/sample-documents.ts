/**
 * Sample KYC documents for the demo data: small but valid PNG images (an ID card's front and back, a
 * selfie holding the card) and one-page PDFs (proof of address, company papers), drawn from the
 * applicant's details so every application shows its own files. Hand-written encoders (zlib from node,
 * no image library): the bytes go through the real upload path, which checks their type from the first
 * bytes and hashes them, so they must be genuine files — and they are small, so the seed stays fast.
 */
import { deflateSync } from "node:zlib";
import type { KycDocumentKind } from "@/lib/kyc/schemas";

export interface SampleSubject {
  /** Latin-script name, as printed on the document. */
  name: string;
  country: string;
  idType: "passport" | "national_id" | "driving_licence";
  idNumber: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  address?: string;
  companyName?: string;
  companyRegistrationNumber?: string;
  /** Varies colours and layout details between subjects. */
  seed: number;
}

export interface SampleDocument {
  fileName: string;
  bytes: Uint8Array;
}

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────────

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB canvas with the few drawing operations the documents need. */
class Canvas {
  readonly pixels: Uint8Array;
  /** Drawing outside this rectangle is dropped (a portrait stays inside its frame). */
  clip = { x: 0, y: 0, w: Infinity, h: Infinity };

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, background);
  }

  /** Fills a rectangle, cut to the canvas and the clip. */
  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb) {
    const x0 = Math.max(0, this.clip.x, Math.ceil(x));
    const x1 = Math.min(this.width, this.clip.x + this.clip.w, Math.ceil(x + w));
    const y0 = Math.max(0, this.clip.y, Math.ceil(y));
    const y1 = Math.min(this.height, this.clip.y + this.clip.h, Math.ceil(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let i = (yy * this.width + x0) * 3, end = (yy * this.width + x1) * 3; i < end; i += 3) {
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
    }
  }

  /** One horizontal span per row. */
  ellipse(cx: number, cy: number, rx: number, ry: number, color: Rgb) {
    for (let y = Math.ceil(cy - ry); y <= cy + ry; y++) {
      const half = rx * Math.sqrt(Math.max(0, 1 - ((y - cy) / ry) ** 2));
      this.rect(cx - half, y, 2 * half, 1, color);
    }
  }

  /** Upper-case text in the 5×7 font below, `scale` pixels per font pixel; returns the width drawn. */
  text(x: number, y: number, text: string, scale: number, color: Rgb): number {
    let cx = x;
    for (const ch of fontText(text)) {
      const glyph = GLYPHS.get(ch) ?? GLYPHS.get("?")!;
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < 5; gx++) if (row[gx] === "#") this.rect(cx + gx * scale, y + gy * scale, scale, scale, color);
      });
      cx += 6 * scale;
    }
    return cx - x;
  }

  png(): Uint8Array {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (stride + 1)] = 0; // filter: none
      raw.set(this.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // colour type: RGB
    return new Uint8Array(
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk("IHDR", header),
        // Level 6, not 9: a quarter of the time on these flat drawings for a few hundred bytes more, and
        // the seed draws several hundred of them.
        chunk("IDAT", deflateSync(raw, { level: 6 })),
        chunk("IEND", new Uint8Array(0)),
      ]),
    );
  }
}

/** A classic 5×7 pixel font: digits, capitals and the punctuation documents use. */
const FONT: Record<string, string> = {
  A: ".###. #...# #...# ##### #...# #...# #...#",
  B: "####. #...# #...# ####. #...# #...# ####.",
  C: ".###. #...# #.... #.... #.... #...# .###.",
  D: "###.. #..#. #...# #...# #...# #..#. ###..",
  E: "##### #.... #.... ####. #.... #.... #####",
  F: "##### #.... #.... ####. #.... #.... #....",
  G: ".###. #...# #.... #.### #...# #...# .####",
  H: "#...# #...# #...# ##### #...# #...# #...#",
  I: ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
  J: "..### ...#. ...#. ...#. ...#. #..#. .##..",
  K: "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
  L: "#.... #.... #.... #.... #.... #.... #####",
  M: "#...# ##.## #.#.# #.#.# #...# #...# #...#",
  N: "#...# #...# ##..# #.#.# #..## #...# #...#",
  O: ".###. #...# #...# #...# #...# #...# .###.",
  P: "####. #...# #...# ####. #.... #.... #....",
  Q: ".###. #...# #...# #...# #.#.# #..#. .##.#",
  R: "####. #...# #...# ####. #.#.. #..#. #...#",
  S: ".#### #.... #.... .###. ....# ....# ####.",
  T: "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
  U: "#...# #...# #...# #...# #...# #...# .###.",
  V: "#...# #...# #...# #...# #...# .#.#. ..#..",
  W: "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
  X: "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
  Y: "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
  Z: "##### ....# ...#. ..#.. .#... #.... #####",
  "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
  "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
  "2": ".###. #...# ....# ...#. ..#.. .#... #####",
  "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
  "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
  "5": "##### #.... ####. ....# ....# #...# .###.",
  "6": "..##. .#... #.... ####. #...# #...# .###.",
  "7": "##### ....# ...#. ..#.. .#... .#... .#...",
  "8": ".###. #...# #...# .###. #...# #...# .###.",
  "9": ".###. #...# #...# .#### ....# ...#. .##..",
  " ": "..... ..... ..... ..... ..... ..... .....",
  "<": "...#. ..#.. .#... #.... .#... ..#.. ...#.",
  "-": "..... ..... ..... ##### ..... ..... .....",
  ".": "..... ..... ..... ..... ..... .##.. .##..",
  ",": "..... ..... ..... ..... .##.. ..#.. .#...",
  "/": "..... ....# ...#. ..#.. .#... #.... .....",
  ":": "..... .##.. .##.. ..... .##.. .##.. .....",
  "'": ".##.. ..#.. .#... ..... ..... ..... .....",
  "#": ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
  "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
};
const GLYPHS = new Map(Object.entries(FONT).map(([ch, rows]) => [ch, rows.split(" ")]));

/** Upper case, accents dropped ("Müller" → "MULLER"), so the font can draw it. */
function fontText(text: string): string {
  return latin(text).toUpperCase();
}

const latin = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/[^\x20-\x7e]/g, "?");

// ── Colours and the drawings ────────────────────────────────────────────────────────────────────

const INK: Rgb = [28, 32, 48];
const WHITE: Rgb = [255, 255, 255];
const PALETTE: readonly Rgb[] = [
  [30, 64, 175],
  [127, 29, 29],
  [20, 83, 45],
  [88, 28, 135],
  [15, 118, 110],
  [146, 64, 14],
];
const SKIN: readonly Rgb[] = [
  [241, 194, 125],
  [224, 172, 105],
  [198, 134, 66],
  [141, 85, 36],
  [255, 219, 172],
];
const HAIR: readonly Rgb[] = [
  [35, 25, 20],
  [90, 56, 37],
  [20, 20, 20],
  [160, 120, 60],
];

const pick = <T>(list: readonly T[], n: number) => list[Math.abs(n) % list.length];
const tint = ([r, g, b]: Rgb, amount: number): Rgb => [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount].map(Math.round) as unknown as Rgb;

const DOCUMENT_TITLE: Record<SampleSubject["idType"], string> = {
  passport: "PASSPORT",
  national_id: "IDENTITY CARD",
  driving_licence: "DRIVING LICENCE",
};

function portrait(c: Canvas, x: number, y: number, w: number, h: number, s: SampleSubject) {
  c.rect(x, y, w, h, [214, 220, 228]);
  c.clip = { x, y, w, h };
  c.ellipse(x + w / 2, y + h * 1.02, w * 0.45, h * 0.3, pick(PALETTE, s.seed >> 3));
  c.ellipse(x + w / 2, y + h * 0.4, w * 0.26, h * 0.26, pick(HAIR, s.seed >> 5));
  c.ellipse(x + w / 2, y + h * 0.45, w * 0.22, h * 0.24, pick(SKIN, s.seed));
  c.clip = { x: 0, y: 0, w: Infinity, h: Infinity };
}

function surnameFirst(name: string): [string, string] {
  const parts = name.trim().split(/\s+/);
  return parts.length === 1 ? [parts[0], ""] : [parts[parts.length - 1], parts.slice(0, -1).join(" ")];
}

function idFront(s: SampleSubject): Uint8Array {
  const colour = pick(PALETTE, s.seed);
  const c = new Canvas(480, 300, tint(colour, 0.86));
  c.rect(0, 0, 480, 44, colour);
  c.text(16, 14, DOCUMENT_TITLE[s.idType], 2, WHITE);
  c.text(480 - 16 - 12 * s.country.length, 14, s.country, 2, WHITE);
  portrait(c, 18, 64, 112, 140, s);
  const [surname, given] = surnameFirst(s.name);
  const field = (row: number, label: string, value: string) => {
    c.text(150, 62 + row * 46, label, 1, tint(INK, 0.4));
    c.text(150, 74 + row * 46, value.slice(0, 27), 2, INK);
  };
  field(0, "SURNAME", surname);
  field(1, "GIVEN NAMES", given || "-");
  field(2, "DATE OF BIRTH", s.dateOfBirth);
  field(3, "DOCUMENT NO", s.idNumber);
  // Security pattern along the bottom.
  for (let x = 0; x < 480; x += 12) c.rect(x, 262 + ((x / 12) % 2) * 6, 8, 6, tint(colour, 0.5));
  c.text(18, 222, "SPECIMEN", 3, tint(colour, 0.55));
  return c.png();
}

const mrzName = (name: string) => fontText(name).replace(/[^A-Z ]/g, "").trim().replace(/\s+/g, "<");
const mrzLine = (text: string) => (text + "<".repeat(30)).slice(0, 30);

function idBack(s: SampleSubject): Uint8Array {
  const colour = pick(PALETTE, s.seed);
  const c = new Canvas(480, 300, tint(colour, 0.9));
  c.rect(0, 24, 480, 40, INK);
  // A barcode-like block from the document number.
  let x = 24;
  for (const ch of `${s.idNumber}${s.dateOfBirth}`) {
    const code = ch.charCodeAt(0);
    for (let bit = 0; bit < 4 && x < 300; bit++, x += 4) if ((code >> bit) & 1) c.rect(x, 84, 3, 60, INK);
  }
  c.text(320, 90, "ISSUED", 1, tint(INK, 0.4));
  c.text(320, 102, s.country, 2, INK);
  const [surname, given] = surnameFirst(s.name);
  const dob = s.dateOfBirth.replaceAll("-", "").slice(2);
  const lines = [
    mrzLine(`ID${s.country}${s.idNumber.replace(/[^A-Z0-9]/gi, "").toUpperCase()}`),
    mrzLine(`${dob}0M3012315${s.country}`),
    mrzLine(`${mrzName(surname)}<<${mrzName(given)}`),
  ];
  c.rect(0, 180, 480, 120, WHITE);
  lines.forEach((line, i) => c.text(60, 196 + i * 30, line, 2, INK));
  return c.png();
}

function selfie(s: SampleSubject): Uint8Array {
  const c = new Canvas(360, 480, [206, 214, 222]);
  c.rect(0, 300, 360, 180, [186, 192, 200]);
  const skin = pick(SKIN, s.seed);
  c.ellipse(180, 520, 150, 170, pick(PALETTE, s.seed >> 3));
  c.ellipse(180, 170, 88, 96, pick(HAIR, s.seed >> 5));
  c.ellipse(180, 190, 74, 92, skin);
  c.ellipse(152, 176, 8, 6, INK);
  c.ellipse(208, 176, 8, 6, INK);
  c.rect(160, 236, 40, 6, [150, 70, 70]);
  // The ID card held up next to the face.
  const colour = pick(PALETTE, s.seed);
  c.rect(230, 330, 120, 76, tint(colour, 0.86));
  c.rect(230, 330, 120, 12, colour);
  c.rect(238, 350, 30, 40, pick(SKIN, s.seed));
  c.rect(276, 354, 64, 4, INK);
  c.rect(276, 366, 50, 4, INK);
  c.ellipse(300, 420, 26, 30, skin);
  c.rect(0, 440, 360, 40, WHITE);
  c.text(12, 453, fontText(s.name).slice(0, 28), 2, INK);
  return c.png();
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────

const pdfText = (text: string) => latin(text).replace(/[\\()]/g, (ch) => `\\${ch}`);

/** A one-page A4 PDF with a coloured header, a title and lines of Helvetica text. */
function pdf(title: string, lines: string[], colour: Rgb): Uint8Array {
  const [r, g, b] = colour.map((v) => (v / 255).toFixed(3));
  const body = lines.map((line, i) => `BT /F1 11 Tf 56 ${700 - i * 18} Td (${pdfText(line)}) Tj ET`).join("\n");
  const content = `${r} ${g} ${b} rg 0 770 595 72 re f\n1 1 1 rg BT /F2 20 Tf 56 795 Td (${pdfText(title)}) Tj ET\n0.1 0.1 0.15 rg\n${body}\n`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}endstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function proofOfAddress(s: SampleSubject): Uint8Array {
  const account = String(1_000_000 + (Math.abs(s.seed) % 9_000_000));
  return pdf(
    "Utility statement",
    [
      "Harbourside Energy & Water Co.",
      "",
      `Account holder: ${s.name}`,
      `Service address: ${s.address ?? "-"}`,
      `Account number: ${account}`,
      "",
      "Statement period: last calendar month",
      `Amount due: ${(40 + (Math.abs(s.seed) % 160)).toFixed(2)}`,
      "",
      "This is a sample document generated for the Brokerdesk demo.",
    ],
    pick(PALETTE, s.seed >> 2),
  );
}

function companyPaper(kind: "company_registration" | "company_ownership", s: SampleSubject): Uint8Array {
  const company = s.companyName ?? `${s.name} Holdings`;
  const lines =
    kind === "company_registration"
      ? [
          `Certificate of incorporation (${s.country})`,
          "",
          `Company name: ${company}`,
          `Registration number: ${s.companyRegistrationNumber ?? "-"}`,
          `Registered office: ${s.address ?? "-"}`,
          `Director: ${s.name}`,
          "",
          "This is a sample document generated for the Brokerdesk demo.",
        ]
      : [
          `Register of beneficial owners: ${company}`,
          "",
          `${s.name} - 75% of shares and voting rights`,
          "Nominee holdings - 25% of shares, no control",
          "",
          "Signed by the company secretary.",
          "This is a sample document generated for the Brokerdesk demo.",
        ];
  return pdf(kind === "company_registration" ? "Company registration" : "Ownership structure", lines, pick(PALETTE, s.seed >> 4));
}

/** The file an applicant would upload for `kind`: PNG for identity pictures, PDF for papers. */
export function sampleDocument(kind: KycDocumentKind, subject: SampleSubject): SampleDocument {
  const base = latin(subject.name).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "applicant";
  switch (kind) {
    case "id_front":
      return { fileName: `${base}-${subject.idType}-front.png`, bytes: idFront(subject) };
    case "id_back":
      return { fileName: `${base}-${subject.idType}-back.png`, bytes: idBack(subject) };
    case "selfie":
    case "other":
      return { fileName: `${base}-selfie.png`, bytes: selfie(subject) };
    case "proof_of_address":
      return { fileName: `${base}-utility-bill.pdf`, bytes: proofOfAddress(subject) };
    case "company_registration":
    case "company_ownership":
      return { fileName: `${base}-${kind.replace("_", "-")}.pdf`, bytes: companyPaper(kind, subject) };
  }
}
