/** Profile edits of an existing customer: their details, and the customer group they are in. */
import "server-only";
import type { z } from "zod";
import type { TenantContext } from "../actor";
import type { ZSetCustomerGroupInput, ZUpdateCustomerInput } from "@/lib/customers/schemas";
import { assertNotClosed, changeCustomer } from "./internal";
import { assertContactsFree, assertCountry, assertGroupInBrand, profileData, withContactRace } from "./profile-checks";
import type { CustomerDetail } from "./types";

type In<T extends z.ZodType> = z.infer<T>;

export async function updateCustomer(ctx: TenantContext, input: In<typeof ZUpdateCustomerInput>): Promise<CustomerDetail> {
  assertCountry(input.country);
  const data = profileData(input);
  return withContactRace(ctx, data, input.id, () =>
    changeCustomer(ctx, input, "customer.update", async (tx, before) => {
      assertNotClosed(before);
      await assertContactsFree(tx, ctx, data, before.id);
      return data;
    }),
  );
}

export async function setCustomerGroup(ctx: TenantContext, input: In<typeof ZSetCustomerGroupInput>): Promise<CustomerDetail> {
  return changeCustomer(ctx, input, "customer.set_group", async (tx, before) => {
    assertNotClosed(before);
    await assertGroupInBrand(tx, ctx, input.groupId);
    return { groupId: input.groupId };
  });
}
