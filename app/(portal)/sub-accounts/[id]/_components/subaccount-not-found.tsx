"use client";
/** An id that is no sub-account of this brand (or no id at all): one answer for both, so ids reveal nothing. */
import { ArrowLeft, SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";

export function SubaccountNotFound() {
  const t = useT();
  return (
    <EmptyState
      icon={SearchX}
      className="mt-6"
      title={t("subaccounts.detail.notFoundTitle")}
      description={t("subaccounts.detail.notFoundHint")}
      action={
        <Button asChild variant="outline" size="sm">
          <Link href="/sub-accounts">
            <ArrowLeft />
            {t("subaccounts.detail.backToList")}
          </Link>
        </Button>
      }
    />
  );
}
