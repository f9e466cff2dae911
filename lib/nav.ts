/**
 * The portal's navigation: every area of the product, grouped, each with the permission that unlocks
 * it and whether it is open yet. The sidebar, the dashboard and the placeholder pages all read it.
 * Client-safe (no server imports).
 */
import {
  Activity,
  ArrowDownToLine,
  ArrowUpFromLine,
  CandlestickChart,
  ListOrdered,
  Building2,
  Gauge,
  Gift,
  HandCoins,
  IdCard,
  Inbox,
  KeyRound,
  KeySquare,
  LayoutDashboard,
  Lock,
  Mail,
  Network,
  OctagonAlert,
  Palette,
  ScrollText,
  ShieldAlert,
  SlidersHorizontal,
  UserCog,
  Users,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/i18n/translate";
import type { nav } from "@/lib/i18n/messages/en/nav";

/** "open": the area works; "soon": its page says it is not available yet and shows no data. */
export type NavAvailability = "open" | "soon";

export interface NavItem {
  id: string;
  href: string;
  icon: LucideIcon;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
  permission: Permission;
  availability: NavAvailability;
}

export interface NavGroup {
  id: string;
  labelKey: MessageKey;
  items: readonly NavItem[];
}

type NavKey = keyof typeof nav.items & keyof typeof nav.descriptions;

/** One entry; its label and description keys follow from its id, so they cannot drift apart. */
function item<const Id extends NavKey>(id: Id, href: string, icon: LucideIcon, permission: Permission, availability: NavAvailability) {
  return { id, href, icon, permission, availability, labelKey: `nav.items.${id}`, descriptionKey: `nav.descriptions.${id}` } as const;
}

export const NAV_GROUPS = [
  {
    id: "overview",
    labelKey: "nav.groups.overview",
    items: [
      item("dashboard", "/", LayoutDashboard, "dashboard.view", "open"),
      item("approvals", "/approvals", Inbox, "approval.read", "open"),
    ],
  },
  {
    id: "customers",
    labelKey: "nav.groups.customers",
    items: [
      item("customers", "/customers", Users, "customer.read", "open"),
      item("kyc", "/kyc", IdCard, "kyc.read", "open"),
    ],
  },
  {
    id: "exchange",
    labelKey: "nav.groups.exchange",
    items: [
      item("subAccounts", "/sub-accounts", Network, "subaccount.read", "open"),
      item("apiKeys", "/api-keys", KeyRound, "apikey.read", "open"),
      item("deposits", "/deposits", ArrowDownToLine, "deposit.read", "open"),
      item("positions", "/positions", CandlestickChart, "exchange.read", "open"),
      item("openOrders", "/orders", ListOrdered, "exchange.read", "open"),
      item("withdrawals", "/withdrawals", ArrowUpFromLine, "withdrawal.read", "open"),
      item("rebates", "/rebates", HandCoins, "rebate.read", "open"),
    ],
  },
  {
    id: "funds",
    labelKey: "nav.groups.funds",
    items: [
      item("bonuses", "/bonuses", Gift, "bonus.read", "open"),
      item("fundLocks", "/fund-locks", Lock, "fundlock.read", "open"),
    ],
  },
  {
    id: "engagement",
    labelKey: "nav.groups.engagement",
    items: [
      item("messages", "/messages", Mail, "message.read", "open"),
    ],
  },
  {
    id: "operations",
    labelKey: "nav.groups.operations",
    items: [
      item("jobs", "/jobs", Workflow, "jobs.read", "open"),
      item("health", "/health", Activity, "health.read", "open"),
    ],
  },
  {
    id: "risk",
    labelKey: "nav.groups.risk",
    items: [
      item("riskControls", "/risk", SlidersHorizontal, "risk.read", "open"),
      item("risk", "/risk/events", ShieldAlert, "risk.read", "open"),
      item("riskLimits", "/risk/limits", Gauge, "risk.read", "open"),
      item("emergency", "/risk/emergency", OctagonAlert, "emergency.read", "open"),
      item("breakers", "/risk/breakers", Zap, "breaker.read", "open"),
    ],
  },
  {
    id: "administration",
    labelKey: "nav.groups.administration",
    items: [
      item("staff", "/staff", UserCog, "staff.read", "open"),
      item("audit", "/audit", ScrollText, "audit.read", "open"),
      item("brandSettings", "/settings/brand", Palette, "brand.read", "open"),
      item("partnerKeys", "/partner-keys", KeySquare, "partnerkey.manage", "open"),
    ],
  },
  {
    id: "platform",
    labelKey: "nav.groups.platform",
    items: [
      item("brands", "/platform/brands", Building2, "platform.brands", "open"),
    ],
  },
] as const satisfies readonly NavGroup[];

export type NavItemId = (typeof NAV_GROUPS)[number]["items"][number]["id"];

export const NAV_ITEMS: readonly NavItem[] = NAV_GROUPS.flatMap((group): readonly NavItem[] => group.items);

export function navItem(id: NavItemId): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`Unknown navigation item ${id}`);
  return item;
}

/** Groups with only the items this role may open; empty groups are dropped. */
export function navFor(role: Role | null | undefined): NavGroup[] {
  return NAV_GROUPS.map((group) => ({ ...group, items: group.items.filter((item) => can(role, item.permission)) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Same, from a list of granted permissions (what the shell hands to client components). */
export function navForPermissions(permissions: readonly Permission[]): NavGroup[] {
  const granted = new Set(permissions);
  return NAV_GROUPS.map((group) => ({ ...group, items: group.items.filter((item) => granted.has(item.permission)) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Items whose area holds other items' (the Risk overview, /risk): they match only themselves. */
const PARENT_HREFS = new Set(NAV_GROUPS.flatMap((g) => g.items.map((i) => i.href as string)).filter((h, _, all) => all.some((o) => o.startsWith(`${h}/`))));

/** Whether `pathname` is inside the item's area (the dashboard and parent items only match themselves). */
export function isActive(item: Pick<NavItem, "href">, pathname: string): boolean {
  if (item.href === "/" || PARENT_HREFS.has(item.href)) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
