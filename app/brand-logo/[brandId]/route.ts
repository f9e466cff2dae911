/** The brand's logo for the portal shell, to signed-in staff of that brand (platform admins: any brand). */
import { getCurrentStaff } from "@/server/auth/next-auth";
import { getBrandLogo } from "@/server/brands/service";
import { db } from "@/server/db/client";

export async function GET(_req: Request, { params }: { params: Promise<{ brandId: string }> }) {
  const { brandId } = await params;
  const session = await getCurrentStaff();
  if (!session) return new Response(null, { status: 401 });
  if (session.user.role !== "platform_admin" && session.user.brandId !== brandId) return new Response(null, { status: 403 });
  if (!/^[0-9a-f-]{36}$/i.test(brandId)) return new Response(null, { status: 404 });
  const logo = await getBrandLogo(db, brandId);
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.mime,
      "Cache-Control": "private, max-age=86400",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
