import type { Metadata } from "next";
import { Providers } from "@/components/providers";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Brokerdesk", template: "%s · Brokerdesk" },
  description: "Back office of a white-label brokerage",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    // next-themes sets the theme class on <html> before hydration, hence suppressHydrationWarning.
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-svh">
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
