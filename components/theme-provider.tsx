"use client";
import { ThemeProvider as NextThemesProvider } from "next-themes";

/**
 * Light, dark or the system's choice, applied as a class on <html> (see the dark variant in globals.css) by an
 * inline script before hydration; `nonce` lets that script run under the Content-Security-Policy.
 */
export function ThemeProvider({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
