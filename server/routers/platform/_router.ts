import "server-only";
import { createBrand, listBrands, setBrandStatus } from "@/server/brands/service";
import { ZBrandListInput, ZCreateBrandInput, ZSetBrandStatusInput } from "@/lib/brands/schemas";
import { createTRPCRouter, staffProcedure } from "@/server/trpc";

export { ZBrandListInput, ZCreateBrandInput, ZSetBrandStatusInput };

export const platformRouter = createTRPCRouter({
  /** Every brand of the installation. */
  listBrands: staffProcedure("platform.brands")
    .input(ZBrandListInput)
    .query(({ ctx, input }) => listBrands(ctx, input)),
  /** A new brand with its first admin (temporary password returned once). */
  createBrand: staffProcedure("platform.brands")
    .input(ZCreateBrandInput)
    .mutation(({ ctx, input }) => createBrand(ctx, input)),
  /** Disabling a brand signs its staff out and blocks their sign-in. */
  setBrandStatus: staffProcedure("platform.brands")
    .input(ZSetBrandStatusInput)
    .mutation(({ ctx, input }) => setBrandStatus(ctx, input)),
});
