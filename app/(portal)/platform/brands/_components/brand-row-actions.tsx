"use client";
/** The "…" menu of one brand row: enable or disable (each confirmed in a dialog first). */
import { Ellipsis, Power, PowerOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useT } from "@/lib/i18n/client";
import type { BrandRow, BrandStatus } from "./types";

export function BrandRowActions({ brand, onSetStatus }: { brand: BrandRow; onSetStatus: (brand: BrandRow, status: BrandStatus) => void }) {
  const t = useT();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-7 data-[state=open]:bg-accent"
          aria-label={t("platformBrands.rowActions", { name: brand.name })}
        >
          <Ellipsis />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-44">
        {brand.status === "active" ? (
          <DropdownMenuItem variant="destructive" onSelect={() => onSetStatus(brand, "disabled")}>
            <PowerOff />
            {t("platformBrands.actions.disable")}
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => onSetStatus(brand, "active")}>
            <Power />
            {t("platformBrands.actions.enable")}
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
