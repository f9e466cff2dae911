import Link from "next/link";
import { FileQuestionMark } from "lucide-react";
import { StatusPanel } from "@/components/shell/status-panel";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="flex min-h-svh items-center justify-center p-6">
      <StatusPanel icon={FileQuestionMark} code={t("shell.notFound.code")} title={t("shell.notFound.title")} description={t("shell.notFound.description")}>
        <Button asChild variant="outline">
          <Link href="/">{t("shell.notFound.back")}</Link>
        </Button>
      </StatusPanel>
    </main>
  );
}
