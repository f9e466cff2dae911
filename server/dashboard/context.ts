/** The service context of the dashboard page: the signed-in staff member acting on the shell's brand. */
import "server-only";
import { headers } from "next/headers";
import { requestMetaFrom, type TenantContext } from "@/server/actor";
import { getCurrentStaff } from "@/server/auth/next-auth";
import { db } from "@/server/db/client";
import { staffActorFrom } from "@/server/trpc";

export async function dashboardContext(tenantId: string): Promise<TenantContext | null> {
  const session = await getCurrentStaff();
  if (!session) return null;
  return { db, actor: staffActorFrom(session), tenantId, request: requestMetaFrom(await headers()) };
}
