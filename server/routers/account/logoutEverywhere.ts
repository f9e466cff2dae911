import "server-only";
import { logoutEverywhere as logoutEverywhereService } from "@/server/account/service";
import { staffProcedure } from "@/server/trpc";

/** Ends every session of the caller, this one included. */
export const logoutEverywhere = staffProcedure("account.self").mutation(({ ctx }) => logoutEverywhereService(ctx));
