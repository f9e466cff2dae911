import Link from "next/link";
import { FileQuestionMark } from "lucide-react";
import { Button } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="flex min-h-svh items-center justify-center p-6">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <div className="flex size-12 items-center justify-center rounded-xl border bg-muted/50 text-muted-foreground">
          <FileQuestionMark className="size-6" aria-hidden />
        </div>
        <p className="font-mono text-sm text-muted-foreground">{t("shell.notFound.code")}</p>
        <h1 className="text-xl font-semibold tracking-tight">{t("shell.notFound.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("shell.notFound.description")}</p>
        <Button asChild variant="outline">
          <Link href="/">{t("shell.notFound.back")}</Link>
        </Button>
      </div>
    </main>
  );
}
