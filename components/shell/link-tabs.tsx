/**
 * Sibling pages of one area shown as tabs: each tab is a link to its own page with its own URL state (not
 * client-side tab panels), the current one marked for assistive technology. Server- and client-safe.
 */
import Link from "next/link";
import { cn } from "@/lib/utils";

export interface LinkTab {
  href: string;
  label: string;
  current: boolean;
}

export function LinkTabs({ label, tabs }: { label: string; tabs: LinkTab[] }) {
  return (
    <nav aria-label={label} className="mb-4 inline-flex h-9 w-fit items-center rounded-lg bg-muted p-[3px] text-muted-foreground">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cn(
            "inline-flex h-full items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            tab.current ? "bg-background text-foreground shadow-sm" : "hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
