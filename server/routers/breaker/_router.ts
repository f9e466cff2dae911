/** The brand's exchange circuit breakers: state and history (breaker.read), closing one by hand (breaker.reset). Thin. */
import "server-only";
import { breakerOverview, resetBrandBreaker } from "@/server/breakers/service";
import { ZBreakerResetInput } from "@/lib/breakers/schemas";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";

export const breakerRouter = createTRPCRouter({
  overview: brandProcedure("breaker.read").query(({ ctx }) => breakerOverview(ctx)),
  reset: brandProcedure("breaker.reset").input(ZBreakerResetInput).mutation(({ ctx, input }) => resetBrandBreaker(ctx, input)),
});
