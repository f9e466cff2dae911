/**
 * Form schemas that check in the browser exactly what a procedure's own input schema checks on the server.
 * Every form with a procedure behind it builds its schema with `checkedBy`.
 */
import { z } from "zod";

/**
 * A form schema whose input is the form's boxes and whose output is what `input` (a procedure's own
 * schema) makes of them, so the browser runs exactly the server's checks. At run time this is
 * `boxes.pipe(input)`, but zod's types only allow piping into a schema whose input type fits the boxes'
 * output, and a procedure input that preprocesses ("" → undefined, typed `unknown`) or narrows (an enum
 * from a text box) never does.
 */
export function checkedBy<Boxes extends z.ZodType, Input extends z.ZodType>(boxes: Boxes, input: Input) {
  return boxes.transform((values, ctx): z.output<Input> => {
    const parsed = input.safeParse(values);
    if (parsed.success) return parsed.data;
    // Paths are kept, so each message lands on its field as it would from the procedure.
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  });
}
