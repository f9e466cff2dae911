import "server-only";
import { getMyAccount } from "@/server/account/service";
import { staffProcedure } from "@/server/trpc";

/** The caller's own account: role, brand, two-factor state. */
export const getMe = staffProcedure("account.self").query(({ ctx }) => getMyAccount(ctx));
