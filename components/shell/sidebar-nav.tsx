"use client";
/** The grouped navigation list, used by the desktop sidebar and the mobile sheet; some items carry a count. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useT } from "@/lib/i18n/client";
import { isActive, navForPermissions, type NavItem } from "@/lib/nav";
import { cn } from "@/lib/utils";
import type { Permission } from "@/lib/auth/permissions";
import { useNavCounts, type NavCount } from "./nav-counts";

interface SidebarNavProps {
  permissions: readonly Permission[];
  collapsed?: boolean;
  /** Counts come from the current brand; without one there are none. */
  hasBrand?: boolean;
  /** Called after a link is followed (the mobile sheet closes itself). */
  onNavigate?: () => void;
}

export function SidebarNav({ permissions, collapsed = false, hasBrand = false, onNavigate }: SidebarNavProps) {
  const t = useT();
  const pathname = usePathname();
  const groups = navForPermissions(permissions);
  const counts = useNavCounts(permissions, hasBrand);

  return (
    <nav aria-label={t("nav.main")} className="flex flex-col gap-3 px-2 py-3">
      {groups.map((group) => {
        const headingId = `nav-group-${group.id}${collapsed ? "-c" : ""}`;
        return (
          <div key={group.id} className="flex flex-col gap-0.5">
            <p
              id={headingId}
              className={cn(
                "px-2 pb-0.5 text-[11px] font-medium tracking-wide text-muted-foreground uppercase",
                collapsed && "sr-only",
              )}
            >
              {t(group.labelKey)}
            </p>
            <ul aria-labelledby={headingId} className="flex flex-col gap-0.5">
              {group.items.map((item) => (
                <li key={item.id}>
                  <SidebarLink item={item} active={isActive(item, pathname)} collapsed={collapsed} count={counts[item.id]} onNavigate={onNavigate} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function SidebarLink({
  item,
  active,
  collapsed,
  count,
  onNavigate,
}: {
  item: NavItem;
  active: boolean;
  collapsed: boolean;
  count?: NavCount;
  onNavigate?: () => void;
}) {
  const t = useT();
  const Icon = item.icon;
  const label = t(item.labelKey);
  const tip = count ? `${label} · ${count.label}` : label;
  const link = (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      data-active={active || undefined}
      className={cn(
        "group/link relative flex h-7 items-center gap-2.5 rounded-md px-2 text-[13px] text-sidebar-foreground/80 outline-none transition-colors",
        "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring",
        "data-[active]:bg-sidebar-accent data-[active]:font-medium data-[active]:text-sidebar-accent-foreground",
        collapsed && "justify-center px-0",
      )}
    >
      {/* The brand colour marks the current page. */}
      <span
        aria-hidden
        className="absolute inset-y-1.5 left-0 w-0.5 rounded-full bg-sidebar-primary opacity-0 group-data-[active]/link:opacity-100"
      />
      <Icon
        aria-hidden
        className="size-4 shrink-0 text-muted-foreground group-hover/link:text-sidebar-accent-foreground group-data-[active]/link:text-sidebar-primary"
      />
      <span className={cn("truncate", collapsed && "sr-only")}>{label}</span>
      {count && (
        <span
          data-testid={`nav-count-${item.id}`}
          title={count.label}
          className={cn(
            "ml-auto rounded-full px-1.5 text-[11px] leading-4 font-medium tabular-nums",
            count.tone === "danger" ? "bg-destructive text-white" : "bg-amber-500 text-white dark:bg-amber-600",
            collapsed && "absolute top-0 right-0 size-2 p-0 text-[0px]",
          )}
        >
          <span aria-hidden>{count.value}</span>
          <span className="sr-only">{count.label}</span>
        </span>
      )}
    </Link>
  );
  if (!collapsed) return link;
  return (
    <Tooltip>
      <TooltipTrigger asChild>{link}</TooltipTrigger>
      <TooltipContent side="right">{tip}</TooltipContent>
    </Tooltip>
  );
}
