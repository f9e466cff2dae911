"use client";
/**
 * A tab for an area that is not open yet (messages): says so, and shows no sample data.
 */
import { Construction } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import type { CustomerTab } from "./types";

export type LaterTab = Extract<CustomerTab, "messages">;

const LABEL = {
  messages: "customers.tabs.messages",
} as const satisfies Record<LaterTab, string>;

export const laterTabLabel = (tab: LaterTab) => LABEL[tab];

export function LaterDomain({ tab }: { tab: LaterTab }) {
  const t = useT();
  const area = t(LABEL[tab]);
  return (
    <EmptyState
      icon={Construction}
      title={t("customers.later.notAvailable", { area })}
      description={t("customers.later.hint")}
    />
  );
}
