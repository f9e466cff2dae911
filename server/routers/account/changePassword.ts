import { z } from "zod";
import { changeMyPassword } from "@/server/account/service";
import { staffProcedure } from "@/server/trpc";
import { zPassword } from "@/lib/validation/password";

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, { error: "Enter your current password" }).max(256),
  newPassword: zPassword,
});

/** Replaces the caller's password; other sessions of the caller end. */
export const changePassword = staffProcedure("account.self")
  .input(ZChangePasswordInput)
  .mutation(({ ctx, input }) => changeMyPassword(ctx, input));
