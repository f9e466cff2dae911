/**
 * Page guard for server components:
 *
 *   const { shell, allowed } = await requirePermission("staff.read");
 *   if (!allowed) return <Forbidden />;
 *
 * Signed-out (or expired) users go to /login; users who must replace their password go to
 * /account/password first. Check `allowed` before fetching anything for the page.
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { getShellData, type ShellData } from "@/server/shell";

/** Shell data once per request: the layout and the page share it. */
export const getShell = cache(getShellData);

export const PASSWORD_CHANGE_PATH = "/account/password";

/**
 * To the sign-in page when the server-side session has ended (idle timeout, logout everywhere, account
 * disabled) although the cookie is still there; it comes back to the same page afterwards.
 */
export async function redirectToLogin(): Promise<never> {
  // Set by proxy.ts; the login page only accepts same-site paths, so a forged value goes nowhere.
  const path = (await headers()).get("x-bd-path");
  const query = new URLSearchParams({ reason: "expired" });
  if (path) query.set("callbackUrl", path);
  redirect(`/login?${query.toString()}`);
}

export async function requirePermission(
  permission: Permission,
  options: { allowPasswordChangePending?: boolean } = {},
): Promise<{ shell: ShellData; allowed: boolean }> {
  const shell = await getShell();
  if (!shell) return redirectToLogin();
  if (shell.user.mustChangePassword && !options.allowPasswordChangePending) redirect(PASSWORD_CHANGE_PATH);
  return { shell, allowed: shell.permissions.includes(permission) };
}
