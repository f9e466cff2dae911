/** The two views of the Bonuses area, as links (each is its own page with its own URL state). */
import { LinkTabs } from "@/components/shell/link-tabs";

export function BonusTabs({ current, labels }: { current: "campaigns" | "grants"; labels: { nav: string; campaigns: string; grants: string } }) {
  return (
    <LinkTabs
      label={labels.nav}
      tabs={[
        { href: "/bonuses", label: labels.campaigns, current: current === "campaigns" },
        { href: "/bonuses/grants", label: labels.grants, current: current === "grants" },
      ]}
    />
  );
}
