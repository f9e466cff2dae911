"use client";
import { useT } from "@/lib/i18n/client";
import { cn, initials } from "@/lib/utils";
import type { ShellBrand } from "./types";

/** The current brand's logo, or its initials on the brand colour when it has none. */
export function BrandMark({ brand, className }: { brand: ShellBrand | null; className?: string }) {
  const t = useT();
  if (brand?.hasLogo) {
    return (
      // A plain <img>: the logo comes from our own route, already small; next/image adds nothing here.
      <img
        src={`/brand-logo/${encodeURIComponent(brand.id)}?v=${brand.logoVersion}`}
        alt={t("shell.brand.logoAlt", { name: brand.name })}
        width={32}
        height={32}
        className={cn("size-8 shrink-0 rounded-md object-contain", className)}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={cn(
        "flex size-8 shrink-0 items-center justify-center rounded-md bg-sidebar-primary text-xs font-semibold text-sidebar-primary-foreground",
        className,
      )}
    >
      {brand ? initials(brand.name) : "BD"}
    </span>
  );
}
