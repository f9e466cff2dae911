/** One KYC application under review: facts, documents, decisions and history. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Forbidden } from "@/components/shell/forbidden";
import { getT } from "@/lib/i18n/server";
import { requirePermission } from "@/server/auth/require-permission";
import { NoBrand } from "@/components/shell/no-brand";
import { KycReview } from "./_components/kyc-review";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("kyc.review.title") };
}

export default async function KycApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { shell, allowed } = await requirePermission("kyc.read");
  if (!allowed) return <Forbidden />;
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  if (!shell.brand) return <NoBrand hint={(await getT())("kyc.noBrandHint")} />;
  return <KycReview key={id} id={id} currentUserId={shell.user.id} canReview={shell.permissions.includes("kyc.review")} />;
}
