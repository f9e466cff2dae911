/** KYC settings (compliance and admins): rejection reasons, corporate countries, SLA target. */
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { NoBrand } from "@/components/shell/no-brand";
import { KycSettingsView } from "./_components/kyc-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("kyc.settings.title") };
}

export default async function KycSettingsPage() {
  const { shell, allowed } = await requirePermission("kyc.configure");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 w-fit text-muted-foreground">
        <Link href="/kyc">
          <ArrowLeft />
          {t("kyc.review.back")}
        </Link>
      </Button>
      <PageHeader title={t("kyc.settings.title")} description={t("kyc.settings.description")} />
      {shell.brand ? <KycSettingsView key={shell.brand.id} /> : <NoBrand hint={t("kyc.noBrandHint")} />}
    </>
  );
}
