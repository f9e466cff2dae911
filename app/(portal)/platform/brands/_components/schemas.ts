/**
 * The brands page's schemas, taken from the `platform` procedures' inputs so the URL, the form and the
 * server all validate alike. Everything server-side the browser needs is imported here and only here.
 */
import type { z } from "zod";
import { ZBrandListInput, ZCreateBrandInput } from "@/lib/brands/schemas";
import { fromTextBox } from "../../../settings/brand/_components/schema";

export { ZBrandListInput };

export const ZCreateBrandForm = ZCreateBrandInput.extend({
  brokerCode: fromTextBox(ZCreateBrandInput.shape.brokerCode),
  // The form always shows a colour, so it is required here; its starting value is the procedure's default.
  primaryColor: ZCreateBrandInput.shape.primaryColor.unwrap(),
});
export const DEFAULT_PRIMARY_COLOR: string = ZCreateBrandInput.shape.primaryColor.parse(undefined);

export type CreateBrandValues = z.input<typeof ZCreateBrandForm>;
export type CreateBrandOutput = z.output<typeof ZCreateBrandForm>;
