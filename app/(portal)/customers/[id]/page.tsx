/** One customer: profile, KYC, timeline, notes and the tabs later domains plug into. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import type { Permission } from "@/lib/auth/permissions";
import { CustomerNotFound } from "./_components/customer-not-found";
import { CustomerView } from "./_components/customer-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("customers.detail.title") };
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { shell, allowed } = await requirePermission("customer.read");
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  // Not a customer id at all: the same answer as an id of no customer of this brand.
  if (!z.uuid().safeParse(id).success) return <CustomerNotFound />;
  const has = (permission: Permission) => shell.permissions.includes(permission);
  return (
    // useSearchParams (the tab) needs a boundary; the view renders its own skeleton.
    <Suspense>
      <CustomerView id={id} permissions={{ manage: has("customer.manage"), note: has("customer.note"), kyc: has("kyc.read"), kycSubmit: has("kyc.submit"), granted: shell.permissions }} />
    </Suspense>
  );
}
