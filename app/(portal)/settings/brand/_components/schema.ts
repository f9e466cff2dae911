/**
 * The brand settings form, derived from the `brand.update` input so browser and server validate alike.
 * Everything server-side that the browser needs (logo limits included) is imported here and only here.
 */
import { z } from "zod";
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES, ZUpdateBrandInput } from "@/lib/brands/schemas";

export { LOGO_MAX_BYTES, LOGO_MIME_TYPES };

/**
 * A text box's value (always a string) checked by a procedure rule whose preprocess step is typed to
 * take `unknown` (e.g. the broker code, where "" means none). Keeps the form's value typed as string.
 */
export const fromTextBox = <T extends z.ZodType>(rule: T) => z.string().transform((text): unknown => text).pipe(rule);

export const ZBrandSettingsForm = ZUpdateBrandInput.extend({
  brokerCode: fromTextBox(ZUpdateBrandInput.shape.brokerCode),
});

export type BrandSettingsValues = z.input<typeof ZBrandSettingsForm>;
export type BrandSettingsOutput = z.output<typeof ZBrandSettingsForm>;
