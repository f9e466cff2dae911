/** The brand's logo for the portal shell, to signed-in staff of that brand (platform admins: any brand). */
import { getBrandLogo } from "@/server/brands/service";
import { staffRoute } from "@/server/http/route";

export const GET = staffRoute<{ brandId: string }>("account.self", async (ctx, _req, { brandId }) => {
  const logo = await getBrandLogo(ctx, brandId);
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.mime,
      "Cache-Control": "private, max-age=86400",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
});
