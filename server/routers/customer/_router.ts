/** Customers (operations desk) and customer groups. Thin: each procedure declares its permission and calls the service. */
import "server-only";
import * as groups from "@/server/customers/groups";
import { getCustomer } from "@/server/customers/detail";
import { listCustomers } from "@/server/customers/list";
import { addCustomerNote, listCustomerNotes } from "@/server/customers/notes";
import { setCustomerGroup, updateCustomer } from "@/server/customers/profile";
import { customerExists, registerCustomer } from "@/server/customers/register";
import { closeCustomer, freezeCustomer, unfreezeCustomer } from "@/server/customers/status";
import { customerTimeline } from "@/server/customers/timeline";
import {
  ZAddCustomerNoteInput,
  ZCreateCustomerGroupInput,
  ZCustomerExistsInput,
  ZCustomerGroupId,
  ZCustomerId,
  ZCustomerListInput,
  ZCustomerStatusChangeInput,
  ZCustomerTimelineInput,
  ZRegisterCustomerInput,
  ZSetCustomerGroupInput,
  ZUpdateCustomerGroupInput,
  ZUpdateCustomerInput,
} from "@/lib/customers/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const customerRouter = createTRPCRouter({
  /** One page of the brand's customers: search, filters, sorting, keyset paging. */
  list: brandProcedure("customer.read").input(ZCustomerListInput).query(({ ctx, input }) => listCustomers(ctx, input)),
  get: brandProcedure("customer.read").input(ZCustomerId).query(({ ctx, input }) => getCustomer(ctx, input)),
  timeline: brandProcedure("customer.read").input(ZCustomerTimelineInput).query(({ ctx, input }) => customerTimeline(ctx, input)),
  /** Whether an email or phone already belongs to a customer of the brand (the registration form asks as you type). */
  exists: brandProcedure("customer.read").input(ZCustomerExistsInput).query(({ ctx, input }) => customerExists(ctx, input)),
  register: brandProcedure("customer.manage").input(ZRegisterCustomerInput).mutation(({ ctx, input }) => registerCustomer(ctx, input)),
  update: brandProcedure("customer.manage").input(ZUpdateCustomerInput).mutation(({ ctx, input }) => updateCustomer(ctx, input)),
  setGroup: brandProcedure("customer.manage").input(ZSetCustomerGroupInput).mutation(({ ctx, input }) => setCustomerGroup(ctx, input)),
  freeze: brandProcedure("customer.manage").input(ZCustomerStatusChangeInput).mutation(({ ctx, input }) => freezeCustomer(ctx, input)),
  unfreeze: brandProcedure("customer.manage").input(ZCustomerStatusChangeInput).mutation(({ ctx, input }) => unfreezeCustomer(ctx, input)),
  close: brandProcedure("customer.manage").input(ZCustomerStatusChangeInput).mutation(({ ctx, input }) => closeCustomer(ctx, input)),
  notes: brandProcedure("customer.read").input(ZCustomerId).query(({ ctx, input }) => listCustomerNotes(ctx, input)),
  addNote: brandProcedure("customer.note").input(ZAddCustomerNoteInput).mutation(({ ctx, input }) => addCustomerNote(ctx, input)),
});

export const customerGroupRouter = createTRPCRouter({
  list: brandProcedure("customer.read").query(({ ctx }) => groups.listCustomerGroups(ctx)),
  create: brandProcedure("customer.manage").input(ZCreateCustomerGroupInput).mutation(({ ctx, input }) => groups.createCustomerGroup(ctx, input)),
  update: brandProcedure("customer.manage").input(ZUpdateCustomerGroupInput).mutation(({ ctx, input }) => groups.updateCustomerGroup(ctx, input)),
  delete: brandProcedure("customer.manage").input(ZCustomerGroupId).mutation(({ ctx, input }) => groups.deleteCustomerGroup(ctx, input)),
});
