import "server-only";
import { z } from "zod";
import { auditFacets, verifyScopedChain } from "@/server/audit/query";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";
import { listAudit } from "./listAudit";

const ZScope = z.object({ platform: z.boolean().optional() }).optional();

export const auditRouter = createTRPCRouter({
  list: listAudit,
  /** Distinct actions and entity types, for filter menus. */
  facets: brandProcedure("audit.read")
    .input(ZScope)
    .query(({ ctx, input }) => auditFacets(ctx, input?.platform)),
  /** Recomputes the hash chain and reports the first broken link. Reads only, but it is work: a mutation. */
  verify: brandProcedure("audit.read")
    .input(ZScope)
    .mutation(({ ctx, input }) => verifyScopedChain(ctx, input?.platform)),
});
