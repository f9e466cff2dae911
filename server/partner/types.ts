import type { PartnerKey } from "../db/generated/client";
import type { PartnerKeyStatus } from "@/lib/partner-api/schemas";

export type PartnerKeyRecord = PartnerKey;

/** A partner key as the portal shows it: never its secret. */
export interface PartnerKeyRow {
  id: string;
  accessKey: string;
  label: string;
  scopes: string[];
  ipAllowlist: string[];
  rateLimitPerSecond: number | null;
  expiresAt: Date | null;
  retiresAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  requestCount: number;
  createdAt: Date;
  version: number;
  status: PartnerKeyStatus;
}
