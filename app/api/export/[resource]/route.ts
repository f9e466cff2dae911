/** GET /api/export/<resource>?<table filters> — the whole filtered set as a streamed CSV file. */
import { notFound } from "@/server/errors";
import { startExport } from "@/server/export/export";
import { EXPORTERS, isExportResource } from "@/server/export/registry";
import { route } from "@/server/http/route";

const exportOf = (resource: string) => {
  if (!isExportResource(resource)) throw notFound("export");
  return resource;
};

export const GET = route<{ resource: string }>(
  ({ resource }) => EXPORTERS[exportOf(resource)].permission,
  async (ctx, req, { resource }) => {
    const name = exportOf(resource);
    const body = await startExport(ctx, name, new URL(req.url).searchParams);
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
