"use client";
/** A message's status as a badge, and its type, source and automatic event in the reader's language. */
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { useLocale, useT } from "@/lib/i18n/client";
import { messages } from "@/lib/i18n/messages";
import { translateDynamic } from "@/lib/i18n/translate";
import type { MessageStatus } from "@/lib/messages/schemas";

type Variant = "default" | "secondary" | "destructive" | "outline" | "success" | "warning";
const STATUS: Record<MessageStatus, Variant> = {
  awaiting_approval: "warning",
  scheduled: "secondary",
  sending: "default",
  sent: "success",
  cancelled: "outline",
  retracted: "outline",
  rejected: "destructive",
  failed: "destructive",
};

export function MessageStatusBadge({ status }: { status: string }) {
  const t = useT();
  const known = status in STATUS ? (status as MessageStatus) : null;
  return <Badge variant={known ? STATUS[known] : "outline"}>{known ? t(`messages.statuses.${known}`) : status}</Badge>;
}

/**
 * The portal's word for a type, source or event (a value this page does not know shows as it is). Event
 * keys hold a dot ("kyc.approved"), which a dotted message key cannot reach: they are read from the
 * dictionary directly.
 */
export function useMessageWords() {
  const t = useT();
  const locale = useLocale();
  return useMemo(() => {
    const events: Record<string, string> = messages[locale].messages.events;
    return {
      type: (type: string) => translateDynamic(t, `messages.types.${type}`, type),
      source: (source: string) => translateDynamic(t, `messages.sources.${source}`, source),
      event: (event: string) => events[event] ?? event,
    };
  }, [t, locale]);
}
