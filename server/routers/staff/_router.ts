import "server-only";
import { createTRPCRouter } from "@/server/trpc";
import { createStaff } from "./createStaff";
import { listStaff } from "./listStaff";
import { resetPassword, resetTotp, setStatus, unlock, updateStaff } from "./manageStaff";

export const staffRouter = createTRPCRouter({
  list: listStaff,
  create: createStaff,
  update: updateStaff,
  setStatus,
  resetPassword,
  resetTotp,
  unlock,
});
