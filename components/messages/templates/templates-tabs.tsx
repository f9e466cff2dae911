"use client";
/**
 * The templates page's three views — the brand's templates, the automatic messages, the segments — as
 * tabs whose choice is in the URL (?tab=automatic), so a link can open one.
 */
import { usePathname, useSearchParams } from "next/navigation";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n/client";
import { AutomaticList } from "./automatic-list";
import { SegmentsList } from "./segments-list";
import { TemplatesList } from "./templates-list";

const TABS = ["own", "automatic", "segments"] as const;
type Tab = (typeof TABS)[number];

export function TemplatesTabs({ canManage }: { canManage: boolean }) {
  const t = useT();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tab = TABS.find((candidate) => candidate === searchParams.get("tab")) ?? "own";
  const setTab = (next: Tab) => {
    const params = new URLSearchParams(window.location.search);
    if (next === "own") params.delete("tab");
    else params.set("tab", next);
    const qs = params.toString();
    window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
  };
  return (
    <Tabs value={tab} onValueChange={(value) => setTab(value as Tab)} className="gap-4">
      <TabsList aria-label={t("messages.templates.tabs.label")}>
        {TABS.map((id) => (
          <TabsTrigger key={id} value={id} className="px-3">
            {t(`messages.templates.tabs.${id}`)}
          </TabsTrigger>
        ))}
      </TabsList>
      <TabsContent value="own">
        <TemplatesList canManage={canManage} />
      </TabsContent>
      <TabsContent value="automatic">
        <AutomaticList canManage={canManage} />
      </TabsContent>
      <TabsContent value="segments">
        <SegmentsList canManage={canManage} />
      </TabsContent>
    </Tabs>
  );
}
