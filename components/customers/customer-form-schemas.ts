/**
 * The customer forms' schemas: text boxes (always strings) piped into the procedures' own inputs, so the
 * browser checks exactly what `customer.register` / `customer.update` will check, contact rules included.
 */
import { z } from "zod";
import { checkedBy } from "@/lib/forms/checked-by";
import type { FieldMessages } from "@/lib/forms/field-errors";
import { ZRegisterCustomerInput, ZUpdateCustomerInput } from "@/lib/customers/schemas";
import type { CustomerDetail } from "@/server/customers/types";

const profileBoxes = {
  name: z.string(),
  email: z.string(),
  phoneCountryCode: z.string(),
  phone: z.string(),
  country: z.string(),
  language: z.string(),
  tags: z.array(z.string()),
};

export const ZRegisterCustomerForm = checkedBy(z.object({ ...profileBoxes, groupId: z.string().nullable() }), ZRegisterCustomerInput);
export type RegisterCustomerValues = z.input<typeof ZRegisterCustomerForm>;

export const ZEditCustomerForm = checkedBy(z.object({ ...profileBoxes, id: z.string(), version: z.number() }), ZUpdateCustomerInput);
export type EditCustomerValues = z.input<typeof ZEditCustomerForm>;

/** The fields both forms share. */
export type ProfileValues = { [K in keyof typeof profileBoxes]: z.input<(typeof profileBoxes)[K]> };

export const PROFILE_MESSAGES: FieldMessages<ProfileValues> = {
  invalid: {
    name: "customers.form.invalid.name",
    email: "customers.form.invalid.email",
    phoneCountryCode: "customers.form.invalid.phoneCountryCode",
    phone: "customers.form.invalid.phone",
    country: "customers.form.invalid.country",
    language: "customers.form.invalid.language",
    tags: "customers.form.invalid.tags",
  },
  refused: {
    email: "customers.form.refused.email",
    phone: "customers.form.refused.phone",
  },
};

export const REGISTER_MESSAGES: FieldMessages<RegisterCustomerValues> = {
  invalid: { ...PROFILE_MESSAGES.invalid, groupId: "customers.form.invalid.group" },
  refused: { ...PROFILE_MESSAGES.refused, groupId: "customers.form.refused.group" },
};

export const EMPTY_REGISTRATION: RegisterCustomerValues = {
  name: "",
  email: "",
  phoneCountryCode: "",
  phone: "",
  country: "",
  language: "",
  tags: [],
  groupId: null,
};

/** The edit form starts from the customer as loaded, with the version it was loaded at. */
export function editValues(customer: CustomerDetail): EditCustomerValues {
  return {
    id: customer.id,
    version: customer.version,
    name: customer.name,
    email: customer.email ?? "",
    phoneCountryCode: customer.phoneCountryCode ?? "",
    phone: customer.phone ?? "",
    country: customer.country,
    language: customer.language,
    tags: customer.tags,
  };
}

