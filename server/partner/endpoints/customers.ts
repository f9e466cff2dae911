/**
 * Customers (seed 003 B-end "客户相关接口"): register, basic info, detail, list, look-up by contact,
 * assets, groups. Each calls the service staff use, with the key's brand.
 */
import "server-only";
import { z } from "zod";
import * as customers from "../../customers/detail";
import { listCustomerGroups } from "../../customers/groups";
import { listCustomers } from "../../customers/list";
import { customerExists, registerCustomer } from "../../customers/register";
import type { CustomerDetail, CustomerRow } from "../../customers/types";
import { listForCustomer } from "../../ledger/service";
import { type CustomerListInput, CUSTOMER_LANGUAGES, CUSTOMER_STATUSES, REGISTRATION_SOURCES, ZCustomerExistsInput, ZRegisterCustomerInput } from "@/lib/customers/schemas";
import { TRADING_ACCOUNT_STATUSES, TRADING_ACCOUNT_TYPES } from "@/lib/ledger/schemas";
import { readCursor, writeCursor } from "../../db/cursor";
import { invalid } from "../../errors";
import { endpoint } from "../registry";
import { iso, zDecimal, zListQuery, zPage, zTime, zUuid } from "./common";

const TAG = "Customers";

export const ZCustomerBasic = z
  .object({
    id: z.uuid(),
    uid: z.string().meta({ description: "The customer number." }),
    name: z.string(),
    status: z.enum(CUSTOMER_STATUSES),
    kycLevel: z.number().int().min(0).max(3),
    country: z.string().meta({ description: "ISO 3166-1 alpha-2." }),
    language: z.string(),
    registeredAt: zTime,
  })
  .meta({ id: "CustomerBasic" });

export const ZCustomer = ZCustomerBasic.extend({
  email: z.string().nullable(),
  phoneCountryCode: z.string().nullable(),
  phone: z.string().nullable(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  tags: z.array(z.string()),
  registrationSource: z.enum(REGISTRATION_SOURCES),
  statusReason: z.string().nullable(),
  statusChangedAt: zTime.nullable(),
  kyc: z.object({
    level: z.number().int(),
    openApplication: z.object({ id: z.uuid(), level: z.number().int(), status: z.string(), submittedAt: zTime }).nullable(),
  }),
}).meta({ id: "Customer" });

const basic = (c: CustomerRow) => ({
  id: c.id,
  uid: c.uid,
  name: c.name,
  status: c.status,
  kycLevel: c.kycLevel,
  country: c.country,
  language: c.language,
  registeredAt: c.registeredAt.toISOString(),
});

const full = (c: CustomerDetail) => ({
  ...basic(c),
  email: c.email,
  phoneCountryCode: c.phoneCountryCode,
  phone: c.phone,
  groupId: c.groupId,
  groupName: c.groupName,
  tags: c.tags,
  registrationSource: c.registrationSource,
  statusReason: c.statusReason,
  statusChangedAt: iso(c.statusChangedAt),
  kyc: {
    level: c.kyc.level,
    openApplication: c.kyc.openApplication && { ...c.kyc.openApplication, submittedAt: c.kyc.openApplication.submittedAt.toISOString() },
  },
});

function groupOffset(cursor: string): number {
  const { o } = readCursor(cursor);
  if (typeof o !== "string" || !/^\d{1,6}$/.test(o)) throw invalid("cursor", "errors.invalidCursor");
  return Number(o);
}

const ZCustomerPath = z.strictObject({ customerId: zUuid("customer") });

const ZRegisterBody = z
  .strictObject({
    name: z.string().max(100).meta({ example: "Lin Wei" }),
    email: z.string().max(254).optional().meta({ description: "Email or phone (with its area code) is required.", example: "lin.wei@example.com" }),
    phoneCountryCode: z.string().max(5).optional().meta({ example: "+86" }),
    phone: z.string().max(20).optional().meta({ example: "13800138000" }),
    country: z.string().length(2).meta({ description: "ISO 3166-1 alpha-2.", example: "SG" }),
    language: z.enum(CUSTOMER_LANGUAGES).default("en"),
    tags: z.array(z.string().max(32)).max(10).default([]),
    groupId: z.uuid().nullable().default(null),
  })
  .meta({ id: "RegisterCustomer" });

export const customerEndpoints = [
  endpoint({
    operationId: "registerCustomer",
    method: "POST",
    path: "/customers",
    group: "customers",
    access: "write",
    tag: TAG,
    summary: "Register a customer",
    description: "Registers a customer of the key's brand (source `api`). Email and phone are unique within the brand.",
    body: ZRegisterBody,
    response: ZCustomer,
    status: 201,
    refusals: [400, 404, 409],
    handler: async (ctx, { body }) => full(await registerCustomer(ctx, ZRegisterCustomerInput.parse(body))),
  }),
  endpoint({
    operationId: "listCustomers",
    method: "GET",
    path: "/customers",
    group: "customers",
    access: "read",
    tag: TAG,
    summary: "List customers",
    description: "The brand's customers, newest first, a page at a time.",
    query: zListQuery.extend({ status: z.enum(CUSTOMER_STATUSES).optional() }),
    response: zPage(ZCustomerBasic, "CustomerPage"),
    refusals: [400],
    handler: async (ctx, { query }) => {
      const input: CustomerListInput = { page: 1, pageSize: query.limit, sort: "registeredAt", dir: "desc", cursor: query.cursor, status: query.status ? [query.status] : undefined };
      const page = await listCustomers(ctx, input);
      return { data: page.rows.map(basic), nextCursor: page.nextCursor };
    },
  }),
  endpoint({
    operationId: "lookupCustomer",
    method: "GET",
    path: "/customers/lookup",
    group: "customers",
    access: "read",
    tag: TAG,
    summary: "Check whether a contact is taken",
    description: "Whether an email, or a phone with its area code, already belongs to a customer of the brand.",
    query: z.strictObject({ email: z.string().max(254).optional(), phoneCountryCode: z.string().max(5).optional(), phone: z.string().max(20).optional() }),
    response: z.object({ exists: z.boolean(), field: z.enum(["email", "phone"]).nullable() }).meta({ id: "CustomerLookup" }),
    refusals: [400],
    handler: (ctx, { query }) => customerExists(ctx, ZCustomerExistsInput.parse(query)),
  }),
  endpoint({
    operationId: "getCustomerBasic",
    method: "GET",
    path: "/customers/{customerId}/basic",
    group: "customers",
    access: "read",
    tag: TAG,
    summary: "A customer's basic information",
    params: ZCustomerPath,
    response: ZCustomerBasic,
    refusals: [400, 404],
    handler: async (ctx, { params }) => basic(await customers.getCustomer(ctx, { id: params.customerId })),
  }),
  endpoint({
    operationId: "getCustomer",
    method: "GET",
    path: "/customers/{customerId}",
    group: "customers",
    access: "read",
    tag: TAG,
    summary: "A customer's details",
    params: ZCustomerPath,
    response: ZCustomer,
    refusals: [400, 404],
    handler: async (ctx, { params }) => full(await customers.getCustomer(ctx, { id: params.customerId })),
  }),
  endpoint({
    operationId: "getCustomerAssets",
    method: "GET",
    path: "/customers/{customerId}/assets",
    group: "customers",
    access: "read",
    tag: TAG,
    summary: "A customer's trading accounts and balances",
    description: "Each trading account with its cash and bonus balances (sums of its ledger entries) and whether transfers in or out are locked.",
    params: ZCustomerPath,
    response: z
      .object({
        customerId: z.uuid(),
        accounts: z.array(
          z
            .object({
              id: z.uuid(),
              type: z.enum(TRADING_ACCOUNT_TYPES),
              currency: z.string(),
              demo: z.boolean(),
              status: z.enum(TRADING_ACCOUNT_STATUSES),
              cash: zDecimal,
              bonusWithdrawable: zDecimal,
              bonusNonWithdrawable: zDecimal,
              total: zDecimal,
              transferInLocked: z.boolean(),
              transferOutLocked: z.boolean(),
            })
            .meta({ id: "TradingAccount" }),
        ),
      })
      .meta({ id: "CustomerAssets" }),
    refusals: [400, 404],
    handler: async (ctx, { params }) => {
      await customers.getCustomer(ctx, { id: params.customerId }); // 404 for another brand's customer
      const accounts = await listForCustomer(ctx, { customerId: params.customerId });
      return {
        customerId: params.customerId,
        accounts: accounts.map((a) => ({
          id: a.id,
          type: a.type,
          currency: a.currency,
          demo: a.demo,
          status: a.status,
          cash: a.cash,
          bonusWithdrawable: a.bonusWithdrawable,
          bonusNonWithdrawable: a.bonusNonWithdrawable,
          total: a.total,
          transferInLocked: a.locks.in,
          transferOutLocked: a.locks.out,
        })),
      };
    },
  }),
  endpoint({
    operationId: "listCustomerGroups",
    method: "GET",
    path: "/customer-groups",
    group: "customers",
    access: "read",
    tag: TAG,
    summary: "Customer groups",
    description: "The brand's groups by name, with how many customers each holds.",
    query: zListQuery,
    response: zPage(z.object({ id: z.uuid(), name: z.string(), customerCount: z.number().int() }).meta({ id: "CustomerGroup" }), "CustomerGroupPage"),
    refusals: [400],
    handler: async (ctx, { query }) => {
      // A brand has a handful of groups: page the sorted list by position.
      const offset = query.cursor ? groupOffset(query.cursor) : 0;
      const groups = await listCustomerGroups(ctx);
      const rows = groups.slice(offset, offset + query.limit);
      const next = offset + rows.length;
      return { data: rows.map((g) => ({ id: g.id, name: g.name, customerCount: g.customerCount })), nextCursor: next < groups.length ? writeCursor({ o: String(next) }) : null };
    },
  }),
];
