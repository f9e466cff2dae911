/**
 * First step of TOTP enrolment at sign-in (POST {email, password}): for a user who must use TOTP and
 * has none yet, answers the QR code to scan. Any failure answers the same generic 401.
 */
import { z } from "zod";
import { requestMetaFrom } from "@/server/actor";
import { startLoginEnrolment } from "@/server/auth/login";
import { db } from "@/server/db/client";
import { publicRoute } from "@/server/http/route";
import { plainText, zSecret } from "@/lib/validation/text";

/** Malformed credentials (NUL, broken characters) fail here, before anyone is looked up or a failure recorded. */
const ZEnrolInput = z.object({ email: z.string().max(254).check(plainText()), password: zSecret(256) });

export const POST = publicRoute(async (req) => {
  const parsed = ZEnrolInput.safeParse(await req.json().catch(() => null));
  const enrolment = parsed.success ? await startLoginEnrolment(db, parsed.data, requestMetaFrom(req.headers)) : null;
  if (!enrolment) return Response.json({ error: "FAILED" }, { status: 401 });
  return Response.json({ qrDataUrl: enrolment.qrDataUrl, secret: enrolment.secret, uri: enrolment.uri });
});
