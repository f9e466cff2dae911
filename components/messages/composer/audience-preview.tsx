"use client";
/**
 * How many customers the audience reaches now, per language, and — when the text lacks a language some of
 * them read — who gets which language instead. Asked again (debounced) as the audience or the languages
 * written change; a list of uids is asked about in slices (uid-chunks.ts).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Info, TriangleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/translate";
import type { Audience } from "@/lib/messages/schemas";
import type { MessageContent, MessageLocale } from "@/lib/messages/template";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import type { AudiencePreview as Preview } from "../types";
import { listKey, previewUidList } from "../uid-chunks";

/** The preview of an audience (null: none chosen yet) with the text's languages. */
export function useAudiencePreview(audience: Audience | null, locales: readonly MessageLocale[]) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const asked = useDebouncedValue(JSON.stringify({ audience: audience?.kind === "uids" ? { kind: "uids", key: listKey(audience.uids) } : audience, locales }), 300);
  const { locales: wanted } = JSON.parse(asked) as { locales: MessageLocale[] };
  // The server reads only which languages the text has: a placeholder text per written language.
  const content: MessageContent | undefined = wanted.length ? Object.fromEntries(wanted.map((l) => [l, { title: "-", body: "-" }])) : undefined;
  const settled = asked === JSON.stringify({ audience: audience?.kind === "uids" ? { kind: "uids", key: listKey(audience.uids) } : audience, locales });
  const plain = useQuery({
    ...trpc.message.preview.queryOptions({ audience: audience as Audience, content }, { placeholderData: keepPreviousData, staleTime: 10_000, retry: false }),
    enabled: settled && audience !== null && audience.kind !== "uids",
  });
  const uids = audience?.kind === "uids" ? audience.uids : [];
  const sliced = useQuery({
    queryKey: ["message.previewUidList", listKey(uids), wanted.join(",")],
    queryFn: ({ signal }) => previewUidList(client, uids, content, signal),
    enabled: settled && uids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: false,
  });
  return audience?.kind === "uids" ? sliced : plain;
}

interface AudiencePreviewPanelProps {
  audience: Audience | null;
  query: ReturnType<typeof useAudiencePreview>;
  threshold: number | undefined;
}

export function AudiencePreviewPanel({ audience, query, threshold }: AudiencePreviewPanelProps) {
  const t = useT();
  const f = useFormat();
  const language = (code: string) => translateDynamic(t, `messages.languageNames.${code}`, code);
  if (!audience) return <p className="text-sm text-muted-foreground">{t("messages.composer.preview.choose")}</p>;
  if (query.isError) {
    return (
      <p className="text-sm text-destructive" role="alert">
        {describeTrpcError(query.error, t).message}
      </p>
    );
  }
  if (!query.data) {
    return (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t("messages.composer.preview.counting")}
        </span>
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-56" />
      </div>
    );
  }
  const p: Preview = query.data;
  return (
    <div className="grid gap-3 text-sm" aria-live="polite" aria-busy={query.isFetching}>
      <p className="text-lg font-semibold tabular-nums" data-testid="audience-size">
        {t("messages.composer.preview.total", { count: f.number(p.total) })}
      </p>
      {p.total === 0 && <p className="text-muted-foreground">{t("messages.composer.preview.none")}</p>}
      {p.byLanguage.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground">
          {p.byLanguage.map((l) => (
            <li key={l.language} className="tabular-nums">
              {t("messages.composer.preview.byLanguage", { language: language(l.language), count: f.number(l.count) })}
            </li>
          ))}
        </ul>
      )}
      {p.missing.map((m) => (
        <Alert key={m.language} className="border-warning/60 bg-warning/10">
          <TriangleAlert aria-hidden />
          <AlertDescription className="text-foreground">
            {t("messages.composer.preview.missing", { count: f.number(m.count), language: language(m.language), fallback: language(m.fallback) })}
          </AlertDescription>
        </Alert>
      ))}
      {threshold !== undefined && p.total > threshold && (
        <p className="flex items-start gap-2 text-muted-foreground">
          <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t("messages.composer.preview.needsApproval", { threshold: f.number(threshold) })}
        </p>
      )}
    </div>
  );
}
