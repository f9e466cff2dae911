/** Rows of the brands table and what its dialogs are showing. */
import type { inferRouterOutputs } from "@trpc/server";
import type { BrandRow } from "@/server/brands/service";
import type { AppRouter } from "@/server/routers/_app";

export type { BrandRow };
export type BrandStatus = BrandRow["status"];
export type CreatedBrand = inferRouterOutputs<AppRouter>["platform"]["createBrand"];

export type BrandsDialogState =
  | { kind: "create" }
  | { kind: "created"; result: CreatedBrand }
  | { kind: "status"; brand: BrandRow; status: BrandStatus };
