"use client";
import { ThemeProvider as NextThemesProvider } from "next-themes";

/** Light, dark or the system's choice, applied as a class on <html> (see the dark variant in globals.css). */
export function ThemeProvider({ children }: { children: React.ReactNode }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </NextThemesProvider>
  );
}
