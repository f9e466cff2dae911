/**
 * The deposit-address forms' schemas: the boxes (always strings) piped into the procedures' own inputs,
 * so the browser checks exactly what `deposit.createAddress` / `deposit.setReceivingAccount` will.
 */
import { z } from "zod";
import { checkedBy } from "@/lib/forms/checked-by";
import type { FieldMessages } from "@/lib/forms/field-errors";
import { ZCreateAddressInput, ZSetReceivingAccountInput } from "@/lib/deposits/schemas";

/** The receiving-account select's "leave it as it is" (a select item cannot have an empty value). */
export const KEEP = "keep";

const createBoxes = z
  .object({ subaccountId: z.string(), ccy: z.string(), chain: z.string(), addrType: z.string(), to: z.string() })
  .transform((v) => ({ ...v, to: v.to === KEEP ? "" : v.to }));
export const ZCreateAddressForm = checkedBy(createBoxes, ZCreateAddressInput);
export type CreateAddressValues = z.input<typeof ZCreateAddressForm>;

export const CREATE_MESSAGES: FieldMessages<CreateAddressValues> = {
  invalid: { ccy: "deposits.invalid.ccy", chain: "deposits.invalid.chain", addrType: "deposits.invalid.addrType", to: "deposits.invalid.to" },
  refused: { ccy: "deposits.refused.ccy", chain: "deposits.refused.chain", addrType: "deposits.refused.addrType" },
};

const changeBoxes = z.object({ subaccountId: z.string(), ccy: z.string(), chain: z.string(), addr: z.string(), to: z.string() });
export const ZChangeReceivingForm = checkedBy(changeBoxes, ZSetReceivingAccountInput);
export type ChangeReceivingValues = z.input<typeof ZChangeReceivingForm>;

export const CHANGE_MESSAGES: FieldMessages<ChangeReceivingValues> = {
  invalid: { addr: "deposits.invalid.addr", to: "deposits.invalid.to" },
  refused: { addr: "deposits.refused.addr" },
};
