"use client";
/**
 * Dashboard card: how many of the brand's keys have trade or withdraw and no IP binding (the exchange
 * deletes them after 14 idle days), linking to the list filtered to them. Renders nothing when there are
 * none, while loading, or when the count cannot be read (the dashboard must not fail over it).
 */
import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

export const RISKY_KEYS_HREF = "/api-keys?risky=1";

export function RiskyApiKeysAlert() {
  const t = useT();
  const trpc = useTRPC();
  const summary = useQuery(trpc.apiKey.riskySummary.queryOptions());
  const count = summary.data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Alert variant="warning" className="mb-6" data-testid="risky-api-keys">
      <TriangleAlert aria-hidden />
      <AlertTitle>{t("apiKeys.dashboard.title", { count })}</AlertTitle>
      <AlertDescription>
        <p>{t("apiKeys.dashboard.description")}</p>
        <Button asChild size="sm" variant="outline" className="mt-2">
          <Link href={RISKY_KEYS_HREF}>{t("apiKeys.dashboard.action")}</Link>
        </Button>
      </AlertDescription>
    </Alert>
  );
}
