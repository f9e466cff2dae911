/**
 * The brand's colour as CSS variables for the shell. Only a plain hex colour is accepted (the value
 * comes from the database and ends up in a style attribute); anything else keeps the default theme.
 * The foreground is black or white, whichever contrasts more (WCAG relative luminance).
 */
import type { CSSProperties } from "react";

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function channels(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join("") : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** "#ffffff" or "#0a0a0a", whichever is more readable on `hex`. */
export function readableForeground(hex: string): string {
  const l = luminance(hex);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onWhite >= onBlack ? "#ffffff" : "#0a0a0a";
}

/** CSS custom properties that recolour primary surfaces, or an empty object for an unusable colour. */
export function brandVariables(primaryColor: string | null | undefined): Record<string, string> {
  if (!primaryColor || !HEX.test(primaryColor)) return {};
  const foreground = readableForeground(primaryColor);
  return {
    "--primary": primaryColor,
    "--primary-foreground": foreground,
    "--sidebar-primary": primaryColor,
    "--sidebar-primary-foreground": foreground,
  };
}

export function brandStyle(primaryColor: string | null | undefined): CSSProperties {
  return brandVariables(primaryColor) as CSSProperties;
}

/**
 * The same variables as a :root rule. Menus, dialogs and toasts render in portals outside the shell
 * wrapper, so they only pick up the brand colour from the document root.
 */
export function brandRootCss(primaryColor: string | null | undefined): string | null {
  const entries = Object.entries(brandVariables(primaryColor));
  if (entries.length === 0) return null;
  return `:root:root{${entries.map(([name, value]) => `${name}:${value}`).join(";")}}`;
}
