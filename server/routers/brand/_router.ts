import { getBrandSettings, removeBrandLogo, setBrandLogo, updateBrandSettings } from "@/server/brands/service";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";
import { ZSetLogoInput, ZUpdateBrandInput } from "@/server/brands/schemas";

export const brandRouter = createTRPCRouter({
  /** The current brand's settings. */
  get: brandProcedure("brand.read").query(({ ctx }) => getBrandSettings(ctx)),
  /** Name, broker code, colours, brand-wide 2FA requirement. */
  update: brandProcedure("brand.manage")
    .input(ZUpdateBrandInput)
    .mutation(({ ctx, input }) => updateBrandSettings(ctx, input)),
  /** Uploads the logo shown in the portal shell (PNG, JPEG or WebP, ≤ 256 KB). */
  setLogo: brandProcedure("brand.manage")
    .input(ZSetLogoInput)
    .mutation(({ ctx, input }) => setBrandLogo(ctx, input)),
  removeLogo: brandProcedure("brand.manage").mutation(({ ctx }) => removeBrandLogo(ctx)),
});
