import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForcedPasswordChange } from "@/components/account/forced-password-change";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("account.forced.title") };
}

/** Where users land while `mustChangePassword` is set; everyone else changes it on /account. */
export default async function ForcedPasswordPage() {
  const { shell, allowed } = await requirePermission("account.self", { allowPasswordChangePending: true });
  if (!allowed) return <Forbidden />;
  if (!shell.user.mustChangePassword) redirect("/account");
  return <ForcedPasswordChange />;
}
