"use client";
/**
 * The banner on every portal page while an emergency stop applies to the viewer's brand (or every brand):
 * what is refused and since when, with a link to the stop's page for those who may see it. The layout
 * renders it with the state read on the server; layouts persist across client navigation, so it also asks
 * again every 15 s and when the window regains focus.
 */
import { useQuery } from "@tanstack/react-query";
import { OctagonAlert } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/hooks/use-format";
import { useTRPC } from "@/lib/trpc/client";
import type { EmergencyBanner as Banner } from "@/lib/emergency/schemas";

export function EmergencyBanner({ initial, showLink }: { initial: Banner | null; showLink: boolean }) {
  const t = useT();
  const format = useFormat();
  const trpc = useTRPC();
  const { data: stop } = useQuery(trpc.emergency.banner.queryOptions(undefined, { initialData: initial, refetchInterval: 15_000, refetchOnWindowFocus: true }));
  if (!stop) return null;
  return (
    <Alert variant="destructive" role="alert" className="mb-4" data-testid="emergency-banner">
      <OctagonAlert aria-hidden />
      <AlertDescription className="flex flex-wrap items-center gap-x-3">
        <span className="font-medium">{t(stop.scope === "global" ? "emergency.banner.global" : "emergency.banner.brand", { time: format.date(stop.triggeredAt) })}</span>
        {showLink && (
          <Link href="/risk/emergency" className="underline underline-offset-4">
            {t("emergency.banner.link")}
          </Link>
        )}
      </AlertDescription>
    </Alert>
  );
}
