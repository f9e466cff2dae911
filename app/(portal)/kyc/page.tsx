/** The KYC review queue (compliance desk): open applications oldest first, with filters and SLA age. */
import { Settings } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { NoBrand } from "@/components/shell/no-brand";
import { KycQueueTable } from "./_components/kyc-queue-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("kyc.title") };
}

export default async function KycQueuePage() {
  const { shell, allowed } = await requirePermission("kyc.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("kyc.title")}
        description={t("kyc.description")}
        actions={
          shell.permissions.includes("kyc.configure") && (
            <Button asChild variant="outline" size="sm">
              <Link href="/kyc/settings">
                <Settings />
                {t("kyc.settingsLink")}
              </Link>
            </Button>
          )
        }
      />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <Suspense>
          <KycQueueTable canReview={shell.permissions.includes("kyc.review")} currentUserId={shell.user.id} />
        </Suspense>
      ) : (
        <NoBrand hint={t("kyc.noBrandHint")} />
      )}
    </>
  );
}
