/** One sub-account: its exchange facts, customer, account level, fee rates, API keys, deposit addresses and deposits. */
import type { Metadata } from "next";
import { z } from "zod";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import type { Permission } from "@/lib/auth/permissions";
import { SubaccountNotFound } from "./_components/subaccount-not-found";
import { SubaccountView } from "./_components/subaccount-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("subaccounts.detail.title") };
}

export default async function SubaccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { shell, allowed } = await requirePermission("subaccount.read");
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  // Not a sub-account id at all: the same answer as an id of no sub-account of this brand.
  if (!z.uuid().safeParse(id).success) return <SubaccountNotFound />;
  const has = (permission: Permission) => shell.permissions.includes(permission);
  return (
    <SubaccountView
      id={id}
      permissions={{
        manage: has("subaccount.manage"),
        customers: has("customer.read"),
        apiKeys: has("apikey.read"),
        apiKeysManage: has("apikey.manage"),
        deposits: has("deposit.read"),
      }}
    />
  );
}
