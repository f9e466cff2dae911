"use client";
/**
 * A small live mock of the portal shell in the colours being edited. It sets the same CSS variables
 * the real shell does (components/shell/brand-style.ts), so what it shows is what staff will see, in
 * the current light or dark theme. Decorative: everything in it is inert.
 */
import { LayoutDashboard, Users } from "lucide-react";
import { BrandMark } from "@/components/shell/brand-mark";
import { brandStyle } from "@/components/shell/brand-style";
import type { ShellBrand } from "@/components/shell/types";
import { buttonVariants } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { isHexColour } from "./colour";

export function BrandPreview({ brand }: { brand: ShellBrand }) {
  const t = useT();
  const name = brand.name.trim() || brand.slug;
  const accent = isHexColour(brand.accentColor) ? brand.accentColor : undefined;
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm font-medium">{t("brandSettings.appearance.preview")}</figcaption>
      <div
        aria-hidden
        inert
        style={brandStyle(isHexColour(brand.primaryColor) ? brand.primaryColor : null)}
        className="flex h-40 overflow-hidden rounded-lg border bg-background text-sm select-none"
      >
        <div className="flex w-40 shrink-0 flex-col gap-3 border-r bg-sidebar p-2 text-sidebar-foreground">
          <div className="flex items-center gap-2">
            <BrandMark brand={{ ...brand, name }} className="size-6" />
            <span className="truncate font-semibold">{name}</span>
          </div>
          <div className="grid gap-0.5">
            <span className="relative flex h-7 items-center gap-2 rounded-md bg-sidebar-accent px-2 font-medium text-sidebar-accent-foreground">
              <span className="absolute inset-y-1.5 left-0 w-0.5 rounded-full bg-sidebar-primary" />
              <LayoutDashboard className="size-4 text-sidebar-primary" />
              {t("brandSettings.appearance.previewNav")}
            </span>
            <span className="flex h-7 items-center gap-2 px-2 text-sidebar-foreground/80">
              <Users className="size-4 text-muted-foreground" />
              {t("brandSettings.appearance.previewNavOther")}
            </span>
          </div>
        </div>
        <div className="flex min-w-0 flex-1 flex-col justify-center gap-3 p-4">
          <div className="flex flex-wrap items-center gap-2">
            <span className={buttonVariants({ size: "sm" })}>{t("brandSettings.appearance.previewButton")}</span>
            <span className={buttonVariants({ size: "sm", variant: "outline" })}>{t("common.cancel")}</span>
          </div>
          <div className="flex items-center gap-3">
            <span className="text-primary underline underline-offset-4">{t("brandSettings.appearance.previewLink")}</span>
            {accent && (
              <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
                <span className="size-3 rounded-full border" style={{ backgroundColor: accent }} />
                {t("brandSettings.appearance.accent")}
              </span>
            )}
          </div>
        </div>
      </div>
    </figure>
  );
}
