/** TOTP (RFC 6238, 30 s, 6 digits, SHA-1 — what every authenticator app expects) via otplib. */
import "server-only";
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_ISSUER = "Brokerdesk";

export const newTotpSecret = () => generateSecret();

export const totpCode = (secret: string, epochSeconds?: number) =>
  generate({ secret, ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}) });

/**
 * Checks a code with ±1 step of clock drift and refuses any step at or before `lastStep`,
 * so a code seen once (over a shoulder, in a log) cannot be used again. Returns the step matched.
 */
export async function verifyTotp(secret: string, code: string, lastStep?: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** otpauth:// URI and the QR code for it, rendered here as an SVG data URL (no third-party service). */
export async function totpEnrolment(secret: string, accountLabel: string) {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
