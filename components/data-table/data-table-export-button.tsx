"use client";
/**
 * CSV export: a plain link to the export route with the page's own search params minus paging, so the
 * file holds every row the current filters, search and sort select (the route streams it).
 */
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { buildExportHref } from "./url-state";

interface DataTableExportButtonProps {
  /** The export route, e.g. "/api/export/staff". */
  href: string;
  searchParams: URLSearchParams;
}

export function DataTableExportButton({ href, searchParams }: DataTableExportButtonProps) {
  const t = useT();
  return (
    <Button variant="outline" size="sm" className="h-8" asChild>
      <a href={buildExportHref(href, searchParams)} download title={t("table.exportHint")}>
        <Download />
        {t("table.export")}
      </a>
    </Button>
  );
}
