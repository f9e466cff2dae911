import "server-only";
import { ZChangePasswordInput } from "@/lib/account/schemas";
import { changeMyPassword } from "@/server/account/service";
import { staffProcedure } from "@/server/trpc";

export { ZChangePasswordInput };

/** Replaces the caller's password; other sessions of the caller end. */
export const changePassword = staffProcedure("account.self")
  .input(ZChangePasswordInput)
  .mutation(({ ctx, input }) => changeMyPassword(ctx, input));
