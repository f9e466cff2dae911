/**
 * What a brand-scoped page shows a platform admin who has not picked a brand yet: the data belongs to one.
 * `hint` says what the page will show once a brand is picked.
 */
import { Building2 } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/lib/i18n/server";

export async function NoBrand({ hint }: { hint: string }) {
  const t = await getT();
  return <EmptyState icon={Building2} title={t("shell.brand.choose")} description={hint} />;
}
