/** The brand's risk events (risk.read): filters by status and kind, server-side paging; each opens its detail. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { EnforcementWarning } from "../_components/controls-panel";
import { EventsTable } from "./_components/events-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("risk.events.title") };
}

export default async function RiskEventsPage() {
  const { shell, allowed } = await requirePermission("risk.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("risk.events.title")} description={t("risk.events.description")} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the table renders its own skeleton.
        <>
          <EnforcementWarning />
          <Suspense>
            <EventsTable />
          </Suspense>
        </>
      ) : (
        <NoBrand hint={t("risk.events.description")} />
      )}
    </>
  );
}
