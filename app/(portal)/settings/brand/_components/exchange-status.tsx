"use client";
/**
 * What the brand's exchange calls use right now: the simulator or its own key (masked), in which mode,
 * when that last changed, and how the last connection test went.
 */
import { CircleCheck, CircleX, FlaskConical, Globe } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { useT } from "@/lib/i18n/client";
import type { ExchangeCredentialsView } from "@/server/brands/exchange-credentials";

export function exchangeState(view: Pick<ExchangeCredentialsView, "usingSimulator" | "mode">) {
  return view.usingSimulator ? "simulator" : view.mode;
}

export function ExchangeStatus({ view }: { view: ExchangeCredentialsView }) {
  const t = useT();
  const format = useDateTimeFormat();
  const state = exchangeState(view);
  return (
    <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
      <dt className="text-muted-foreground">{t("exchange.state.label")}</dt>
      <dd className="grid gap-1">
        <Badge variant={state === "live" ? "warning" : "secondary"} data-testid="exchange-state">
          {state === "simulator" ? <FlaskConical aria-hidden /> : <Globe aria-hidden />}
          {t(`exchange.state.${state}`)}
        </Badge>
        <span className="text-muted-foreground">{t(`exchange.state.${state}Hint`)}</span>
      </dd>

      {view.apiKeyMasked && (
        <>
          <dt className="text-muted-foreground">{t("exchange.apiKeyShown")}</dt>
          <dd className="font-mono" data-testid="exchange-api-key">
            {view.apiKeyMasked}
          </dd>
        </>
      )}

      <dt className="text-muted-foreground">{t("exchange.updatedAt")}</dt>
      <dd>{view.updatedAt ? format.format(view.updatedAt) : t("exchange.never")}</dd>

      <dt className="text-muted-foreground">{t("exchange.lastTest.label")}</dt>
      <dd data-testid="exchange-last-test">
        {view.lastTest ? (
          <span className="grid gap-0.5">
            <span className="inline-flex items-center gap-1.5">
              {view.lastTest.ok ? (
                <CircleCheck aria-hidden className="size-4 text-success" />
              ) : (
                <CircleX aria-hidden className="size-4 text-destructive" />
              )}
              {view.lastTest.ok ? t("exchange.lastTest.ok") : t("exchange.lastTest.failed")} · {format.format(view.lastTest.at)}
            </span>
            {/* A failure keeps the server's own words (English, with OKX's code and message) for whoever looks later. */}
            {!view.lastTest.ok && view.lastTest.message && <span className="text-muted-foreground">{view.lastTest.message}</span>}
          </span>
        ) : (
          t("exchange.lastTest.none")
        )}
      </dd>
    </dl>
  );
}
