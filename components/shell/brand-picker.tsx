"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { selectBrandAction } from "@/server/actions/brand";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/lib/i18n/client";
import type { ShellBrandOption } from "./types";

/** Platform admins choose which brand the whole portal works on. */
export function BrandPicker({ brands, currentId }: { brands: ShellBrandOption[]; currentId: string | null }) {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();

  function choose(brandId: string) {
    if (brandId === currentId) return;
    const name = brands.find((brand) => brand.id === brandId)?.name ?? "";
    startTransition(async () => {
      const { ok } = await selectBrandAction(brandId);
      if (!ok) {
        toast.error(t("shell.brand.switchFailed"));
        return;
      }
      // Cached queries hold the previous brand's rows; drop them so every table refetches.
      await queryClient.resetQueries();
      router.refresh();
      toast.success(t("shell.brand.switched", { name }));
    });
  }

  return (
    <div className="flex items-center gap-2">
      <Select value={currentId ?? undefined} onValueChange={choose} disabled={pending}>
        <SelectTrigger size="sm" className="w-48" aria-label={t("shell.brand.label")} data-testid="brand-picker">
          <SelectValue placeholder={t("shell.brand.choose")} />
        </SelectTrigger>
        <SelectContent>
          {brands.map((brand) => (
            <SelectItem key={brand.id} value={brand.id}>
              {brand.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {pending && <Spinner className="text-muted-foreground" />}
    </div>
  );
}
