"use client";

/**
 * What a page shows when rendering it failed on the server — most often the database was unreachable for
 * longer than the read retry covers (a restart). A "try again" page, not Next's generic error: one click
 * re-renders the page from the server. The digest links this view to the server's log line.
 */
import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  const retry = () =>
    startRetry(() => {
      router.refresh();
      reset();
    });

  return (
    <main className="flex min-h-[60svh] items-center justify-center p-6" role="alert">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <div className="flex size-12 items-center justify-center rounded-xl border bg-muted/50 text-muted-foreground">
          <RefreshCw className="size-6" aria-hidden />
        </div>
        <h1 className="text-xl font-semibold tracking-tight">{t("shell.loadFailed.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("shell.loadFailed.description")}</p>
        {error.digest && <p className="font-mono text-xs text-muted-foreground">{t("shell.loadFailed.reference", { digest: error.digest })}</p>}
        <div className="flex gap-2">
          <Button onClick={retry} disabled={retrying} autoFocus>
            {t("shell.loadFailed.retry")}
          </Button>
          <Button asChild variant="outline">
            <Link href="/">{t("shell.loadFailed.back")}</Link>
          </Button>
        </div>
      </div>
    </main>
  );
}
