/**
 * The page of an area that is not open yet: permission-checked like the real page will be, says what
 * the area is for (its description) and shows no sample data.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { Construction } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { navItem, type NavItemId } from "@/lib/nav";
import { requirePermission } from "@/server/auth/require-permission";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";

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
  const message = t("placeholder.notAvailable", { area });

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
