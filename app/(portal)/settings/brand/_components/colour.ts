/** Hex colour helpers for the colour inputs (the stored form is "#rrggbb", as the procedures require). */
const HEX6 = /^#[0-9a-f]{6}$/i;

export const isHexColour = (value: string) => HEX6.test(value);

/** Tidies typed or pasted text: "2563EB" → "#2563eb", "#abc" → "#aabbcc"; anything else is returned as is. */
export function normaliseHex(text: string): string {
  const raw = text.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(raw)) return `#${[...raw].map((d) => d + d).join("")}`.toLowerCase();
  if (/^[0-9a-f]{6}$/i.test(raw)) return `#${raw}`.toLowerCase();
  return text;
}
