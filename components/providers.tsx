"use client";
/** Everything client components need from the root: theme, locale, tRPC + React Query, toasts. */
import { I18nProvider } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/config";
import { TRPCReactProvider } from "@/lib/trpc/client";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { TooltipProvider } from "@/components/ui/tooltip";

/** `nonce`: the request's CSP script nonce (app/layout.tsx), for the theme's inline script. */
export function Providers({ locale, nonce, children }: { locale: Locale; nonce?: string; children: React.ReactNode }) {
  return (
    <ThemeProvider nonce={nonce}>
      <I18nProvider locale={locale}>
        <TRPCReactProvider>
          <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
          <Toaster position="bottom-right" richColors closeButton />
        </TRPCReactProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}
