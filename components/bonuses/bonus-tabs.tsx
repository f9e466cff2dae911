/** The two views of the Bonuses area, as links (each is its own page with its own URL state). */
import Link from "next/link";
import { cn } from "@/lib/utils";

export function BonusTabs({ current, labels }: { current: "campaigns" | "grants"; labels: { nav: string; campaigns: string; grants: string } }) {
  const tabs = [
    { id: "campaigns", href: "/bonuses", label: labels.campaigns },
    { id: "grants", href: "/bonuses/grants", label: labels.grants },
  ] as const;
  return (
    <nav aria-label={labels.nav} className="mb-4 inline-flex h-9 w-fit items-center rounded-lg bg-muted p-[3px] text-muted-foreground">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={cn(
            "inline-flex h-full items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            tab.id === current ? "bg-background text-foreground shadow-sm" : "hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
