/** GET /api/export/<resource>?<table filters>[&headers=machine][&ids=1] — the whole filtered set as a streamed CSV file. */
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { notFound } from "@/server/errors";
import { startExport } from "@/server/export/export";
import { EXPORTERS, isExportResource } from "@/server/export/registry";
import { route } from "@/server/http/route";

/** The reader's language from the request's own locale cookie (what the portal shows them). */
function localeOf(req: Request): Locale {
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(req.headers.get("cookie") ?? "");
  // Compared as written: the locales need no percent-encoding, and decoding hostile text could throw.
  const value = match?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

const exportOf = (resource: string) => {
  if (!isExportResource(resource)) throw notFound("export");
  return resource;
};

export const GET = route<{ resource: string }>(
  ({ resource }) => EXPORTERS[exportOf(resource)].permission,
  async (ctx, req, { resource }) => {
    const name = exportOf(resource);
    // Headers in the reader's language, unless `headers=machine`.
    const body = await startExport(ctx, name, new URL(req.url).searchParams, localeOf(req));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
