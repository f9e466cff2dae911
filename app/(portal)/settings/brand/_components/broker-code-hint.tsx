"use client";
/**
 * The broker code's description, with the exchange's parameter name set as code. The dictionary text
 * keeps a literal "{tag}" where it goes (t() leaves placeholders it is not given), so each language
 * places it in its own word order.
 */
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

export function BrokerCodeHint({ messageKey }: { messageKey: MessageKey }) {
  const t = useT();
  const [before, ...rest] = t(messageKey).split("{tag}");
  if (rest.length === 0) return before;
  return (
    <>
      {before}
      <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">tag</code>
      {rest.join("tag")}
    </>
  );
}
