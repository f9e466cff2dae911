/** Background jobs (operations and admins): queue status and schedules, failed jobs, retry / pause / run now. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { JobsDashboard } from "./_components/jobs-dashboard";
import { NoBrand } from "@/components/shell/no-brand";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("jobs.title") };
}

export default async function JobsPage() {
  const { shell, allowed } = await requirePermission("jobs.read");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  return (
    <>
      <PageHeader className="mb-4" title={t("jobs.title")} description={t("jobs.description")} />
      {shell.brand ? (
        // useSearchParams needs a boundary; the dashboard renders its own skeleton.
        <Suspense>
          <JobsDashboard canManage={shell.permissions.includes("jobs.manage")} canControl={shell.permissions.includes("jobs.control")} />
        </Suspense>
      ) : (
        <NoBrand hint={t("jobs.noBrandHint")} />
      )}
    </>
  );
}
