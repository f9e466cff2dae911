/** Writing a message (admins, marketing): the composer; `?customer=<id>` starts with that customer as the audience. */
import type { Metadata } from "next";
import { z } from "zod";
import { BackToMessages } from "@/components/messages/back-to-messages";
import { ComposerCustomer } from "@/components/messages/composer/composer-customer";
import { Forbidden } from "@/components/shell/forbidden";
import { NoBrand } from "@/components/shell/no-brand";
import { PageHeader } from "@/components/shell/page-header";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("messages.composer.title") };
}

export default async function NewMessagePage({ searchParams }: { searchParams: Promise<{ customer?: string | string[] }> }) {
  const { shell, allowed } = await requirePermission("message.manage");
  if (!allowed) return <Forbidden />;
  const t = await getT();
  const { customer } = await searchParams;
  const customerId = typeof customer === "string" && z.uuid().safeParse(customer).success ? customer : null;
  return (
    <>
      <BackToMessages label={t("messages.header.back")} />
      <PageHeader className="mb-4" title={t("messages.composer.title")} description={t("messages.composer.description")} />
      {shell.brand ? <ComposerCustomer customerId={customerId} /> : <NoBrand hint={t("messages.description")} />}
    </>
  );
}
