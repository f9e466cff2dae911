/** GET /api/export/<resource>?<table filters> — the whole filtered set as a streamed CSV file. */
import { getCurrentStaff } from "@/server/auth/next-auth";
import { AppError } from "@/server/errors";
import { startExport } from "@/server/export/export";
import { isExportResource } from "@/server/export/registry";
import { createContextFromSession } from "@/server/trpc";

const STATUS: Record<string, number> = { FORBIDDEN: 403, VALIDATION: 400, NOT_FOUND: 404 };

export async function GET(req: Request, { params }: { params: Promise<{ resource: string }> }) {
  const { resource } = await params;
  if (!isExportResource(resource)) return new Response("Unknown export", { status: 404 });
  const ctx = await createContextFromSession(await getCurrentStaff(), req.headers);
  if (!ctx.actor || ctx.actor.type !== "staff") return new Response("Please sign in", { status: 401 });
  if (!ctx.tenantId) return new Response("Choose a brand first", { status: 403 });
  if (ctx.mustChangePassword) return new Response("Set a new password first", { status: 403 });
  try {
    const body = await startExport({ ...ctx, actor: ctx.actor, tenantId: ctx.tenantId }, resource, new URL(req.url).searchParams);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${resource}-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: STATUS[error.code] ?? 400 });
    throw error;
  }
}
