import { z } from "zod";
import { createBrand, listBrands, setBrandStatus } from "@/server/brands/service";
import { createTRPCRouter, staffProcedure } from "@/server/trpc";
import { zMulti, ZTableQuery } from "@/lib/table-state";
import { zBrandName, zBrokerCode, zHexColour } from "../brand/schemas";

export const ZBrandListInput = ZTableQuery.extend({
  sort: z.enum(["name", "slug", "createdAt"]).optional(),
  status: zMulti(["active", "disabled"] as const),
});

export const ZCreateBrandInput = z.object({
  name: zBrandName,
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: "Slug: 1–40 lower-case letters, digits or dashes" }),
  brokerCode: zBrokerCode,
  primaryColor: zHexColour.default("#2563eb"),
  admin: z.object({
    email: z.email({ error: "Enter a valid email address" }).max(254),
    name: z.string().trim().min(1, { error: "Enter a name" }).max(100),
  }),
});

export const ZSetBrandStatusInput = z.object({ id: z.uuid(), status: z.enum(["active", "disabled"]) });

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
