import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight, ShieldCheck } from "lucide-react";
import { RiskyApiKeysAlert } from "@/components/api-keys/risky-api-keys-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";
import { translateDynamic, type Translate } from "@/lib/i18n/translate";
import { navForPermissions, type NavAvailability, type NavItem } from "@/lib/nav";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("dashboard.title") };
}

/** Who you are, where you are, and the areas your role can open. No figures until real ones exist. */
export default async function DashboardPage() {
  const { shell, allowed } = await requirePermission("dashboard.view");
  if (!allowed) return <Forbidden />;
  const t = await getT();

  const role = translateDynamic(t, `shell.roles.${shell.user.role}`, shell.user.role);
  const groups = navForPermissions(shell.permissions)
    .map((group) => ({ ...group, items: group.items.filter((item) => item.href !== "/") }))
    .filter((group) => group.items.length > 0);

  return (
    <>
      <PageHeader
        title={t("dashboard.greeting", { name: shell.user.name })}
        description={
          shell.brand
            ? t("dashboard.signedInAs", { role, brand: shell.brand.name })
            : t("dashboard.signedInAsNoBrand", { role })
        }
      />

      {!shell.user.totpEnabled && (
        <Alert variant="warning" className="mb-6">
          <ShieldCheck aria-hidden />
          <AlertTitle>{t("dashboard.totpTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("dashboard.totpDescription")}</p>
            <Button asChild size="sm" variant="outline" className="mt-2">
              <Link href="/account">{t("dashboard.totpAction")}</Link>
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {shell.brand && shell.permissions.includes("apikey.read") && <RiskyApiKeysAlert />}

      <section aria-labelledby="areas-title" className="grid gap-1">
        <h2 id="areas-title" className="text-sm font-semibold">
          {t("dashboard.areas")}
        </h2>
        <p className="mb-4 text-sm text-muted-foreground">{t("dashboard.areasDescription")}</p>
        {groups.length === 0 ? (
          <EmptyState title={t("dashboard.noAreas")} />
        ) : (
          <div className="grid gap-6">
            {groups.map((group) => (
              <div key={group.id} className="grid gap-2">
                <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{t(group.labelKey)}</h3>
                <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
                  {group.items.map((item) => (
                    <li key={item.id}>
                      <AreaCard item={item} t={t} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </section>
    </>
  );
}

function AreaCard({ item, t }: { item: NavItem; t: Translate }) {
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      data-testid={`area-${item.id}`}
      className="group flex h-full items-start gap-3 rounded-lg border bg-card p-4 text-card-foreground shadow-xs transition-colors outline-none hover:border-foreground/20 hover:bg-accent/40 focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-md border bg-muted/50 text-muted-foreground group-hover:text-primary">
        <Icon className="size-4" aria-hidden />
      </span>
      <span className="grid min-w-0 flex-1 gap-1">
        <span className="flex items-center gap-2">
          <span className="truncate text-sm font-medium">{t(item.labelKey)}</span>
          <AvailabilityBadge availability={item.availability} t={t} />
        </span>
        <span className="text-sm text-muted-foreground">{t(item.descriptionKey)}</span>
      </span>
      <ArrowRight className="mt-0.5 size-4 shrink-0 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100" aria-hidden />
    </Link>
  );
}

function AvailabilityBadge({ availability, t }: { availability: NavAvailability; t: Translate }) {
  if (availability === "open") return <Badge variant="success">{t("dashboard.available")}</Badge>;
  return (
    <Badge variant="outline" className="text-muted-foreground">
      {t("dashboard.comingSoon")}
    </Badge>
  );
}
