import type { Metadata } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import { getLocale } from "@/lib/i18n/server";
import { NONCE_HEADER } from "@/server/http/csp";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Brokerdesk", template: "%s · Brokerdesk" },
  description: "Back office of a white-label brokerage",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  // This request's script nonce (proxy.ts), for next-themes' inline script; Next nonces its own scripts.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // next-themes sets the theme class on <html> before hydration, hence suppressHydrationWarning.
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-svh">
        <Providers locale={locale} nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
