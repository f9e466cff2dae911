/**
 * A slug suggested from a brand name: "Acme Markets (EU)" → "acme-markets-eu". Accents are folded
 * ("Café" → "cafe"); names without Latin letters or digits give "", and the admin types one instead.
 * Fits the `platform.createBrand` rule: 1–40 of [a-z0-9-], no dash at either end.
 */
export const SLUG_MAX = 40;

export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}
