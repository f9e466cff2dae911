import { cookies } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { brandRootCss } from "@/components/shell/brand-style";
import { SIDEBAR_COLLAPSED, SIDEBAR_COOKIE } from "@/components/shell/sidebar-state";
import { EmergencyBanner } from "@/components/emergency/emergency-banner";
import { getShell, redirectToLogin } from "@/server/auth/require-permission";
import { db } from "@/server/db/client";
import { emergencyBanner } from "@/server/emergency/service";

/** Every signed-in page renders inside the shell (with the emergency-stop banner while one applies); each page still checks its own permission. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const shell = await getShell();
  if (!shell) return redirectToLogin();
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === SIDEBAR_COLLAPSED;
  const rootCss = brandRootCss(shell.brand?.primaryColor);
  // Read on every page load, never cached: a stop shows on the next page anyone opens.
  const stop = await emergencyBanner(db, shell.brand?.id ?? null);
  return (
    <>
      {/* Hex-validated brand colours for content that portals out of the shell (menus, dialogs, toasts). */}
      {rootCss && <style>{rootCss}</style>}
      <AppShell
        user={{ name: shell.user.name, email: shell.user.email, role: shell.user.role }}
        permissions={shell.permissions}
        brand={shell.brand}
        brands={shell.brands}
        initialCollapsed={collapsed}
      >
        <EmergencyBanner initial={stop} showLink={shell.permissions.includes("emergency.read")} />
        {children}
      </AppShell>
    </>
  );
}
