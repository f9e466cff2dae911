import "server-only";
import { ZTotpCodeInput } from "@/lib/account/schemas";
import { confirmMyTotpEnrolment, disableMyTotp, startMyTotpEnrolment } from "@/server/account/service";
import { staffProcedure } from "@/server/trpc";

export { ZTotpCodeInput };

/** Starts enrolment from the account page: answers a QR code (SVG data URL) and the secret to type. */
export const startTotpEnrolment = staffProcedure("account.self").mutation(async ({ ctx }) => {
  const { qrDataUrl, secret, uri } = await startMyTotpEnrolment(ctx);
  return { qrDataUrl, secret, uri };
});

/** Turns TOTP on once the first code from the new secret checks out. */
export const confirmTotpEnrolment = staffProcedure("account.self")
  .input(ZTotpCodeInput)
  .mutation(({ ctx, input }) => confirmMyTotpEnrolment(ctx, input));

/** Turns TOTP off (refused where role or brand requires it). */
export const disableTotp = staffProcedure("account.self")
  .input(ZTotpCodeInput)
  .mutation(({ ctx, input }) => disableMyTotp(ctx, input));
