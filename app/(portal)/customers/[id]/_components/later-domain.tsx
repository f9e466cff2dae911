"use client";
/**
 * A tab for a domain whose issue has not landed yet (trading accounts, sub-accounts, API keys, bonuses,
 * fund locks, messages): says which issue brings it, and shows no sample data. The issue numbers come
 * from the navigation, so they cannot drift from the rest of the portal.
 */
import { Construction } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { navItem, type NavItemId } from "@/lib/nav";
import type { CustomerTab } from "./types";

export type LaterTab = Extract<CustomerTab, "trading-accounts" | "sub-accounts" | "api-keys" | "bonuses" | "fund-locks" | "messages">;

/** The navigation area whose issue brings each tab; trading accounts come with the ledger, in the bonuses issue. */
const AREA: Record<LaterTab, NavItemId> = {
  "trading-accounts": "bonuses",
  "sub-accounts": "subAccounts",
  "api-keys": "apiKeys",
  bonuses: "bonuses",
  "fund-locks": "fundLocks",
  messages: "messages",
};

const LABEL = {
  "trading-accounts": "customers.tabs.tradingAccounts",
  "sub-accounts": "customers.tabs.subAccounts",
  "api-keys": "customers.tabs.apiKeys",
  bonuses: "customers.tabs.bonuses",
  "fund-locks": "customers.tabs.fundLocks",
  messages: "customers.tabs.messages",
} as const satisfies Record<LaterTab, string>;

export const laterTabLabel = (tab: LaterTab) => LABEL[tab];

export function LaterDomain({ tab }: { tab: LaterTab }) {
  const t = useT();
  const area = t(LABEL[tab]);
  const { issue } = navItem(AREA[tab]);
  return (
    <EmptyState
      icon={Construction}
      title={typeof issue === "number" ? t("customers.later.arrivesWith", { area, issue }) : t("customers.later.arrivesLater", { area })}
      description={t("customers.later.hint")}
    />
  );
}
