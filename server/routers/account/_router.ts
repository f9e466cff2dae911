import "server-only";
import { createTRPCRouter } from "@/server/trpc";
import { changePassword } from "./changePassword";
import { getMe } from "./getMe";
import { logoutEverywhere } from "./logoutEverywhere";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "./totp";

export const accountRouter = createTRPCRouter({
  me: getMe,
  changePassword,
  startTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  logoutEverywhere,
});
