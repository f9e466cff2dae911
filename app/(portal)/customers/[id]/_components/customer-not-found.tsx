"use client";
/** The customer page for an id that is no customer of this brand. */
import { UserX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";

export function CustomerNotFound() {
  const t = useT();
  return (
    <EmptyState
      icon={UserX}
      data-testid="customer-not-found"
      className="mt-6"
      title={<span role="heading" aria-level={1}>{t("customers.detail.notFound")}</span>}
      description={t("customers.detail.notFoundHint")}
      action={
        <Button asChild variant="outline" size="sm">
          <Link href="/customers">{t("customers.detail.backToList")}</Link>
        </Button>
      }
    />
  );
}
