/**
 * The page of an area whose issue has not landed yet: permission-checked like the real page will be,
 * and honest about it — no sample data.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { Construction } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { navItem, type NavItemId } from "@/lib/nav";
import { requirePermission } from "@/lib/require-permission";
import { Forbidden } from "./forbidden";
import { PageHeader } from "./page-header";

export async function notBuiltMetadata(id: NavItemId): Promise<Metadata> {
  const t = await getT();
  return { title: t(navItem(id).labelKey) };
}

export async function NotBuiltPage({ id }: { id: NavItemId }) {
  const item = navItem(id);
  const { allowed } = await requirePermission(item.permission);
  if (!allowed) return <Forbidden />;

  const t = await getT();
  const area = t(item.labelKey);
  const message =
    typeof item.issue === "number" ? t("placeholder.notBuilt", { area, issue: item.issue }) : t("placeholder.notBuiltLater", { area });

  return (
    <>
      <PageHeader title={area} description={t(item.descriptionKey)} />
      <EmptyState
        icon={Construction}
        data-testid="not-built"
        title={message}
        description={t("placeholder.hint")}
        action={
          <Button asChild variant="outline" size="sm">
            <Link href="/">{t("placeholder.back")}</Link>
          </Button>
        }
      />
    </>
  );
}
