"use client";
import { useTheme } from "next-themes";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { useT } from "@/lib/i18n/client";

/** Toasts follow the portal's theme and colour tokens, and name their region and close button in the reader's language. */
function Toaster({ toastOptions, ...props }: ToasterProps) {
  const { theme = "system" } = useTheme();
  const t = useT();
  return (
    <Sonner
      theme={theme as ToasterProps["theme"]}
      containerAriaLabel={t("common.toasts.region")}
      toastOptions={{ closeButtonAriaLabel: t("common.toasts.close"), ...toastOptions }}
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
