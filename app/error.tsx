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
import { StatusPanel } from "@/components/shell/status-panel";
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
      <StatusPanel icon={RefreshCw} title={t("shell.loadFailed.title")} description={t("shell.loadFailed.description")}>
        {error.digest && <p className="font-mono text-xs text-muted-foreground">{t("shell.loadFailed.reference", { digest: error.digest })}</p>}
        <div className="flex gap-2">
          <Button onClick={retry} disabled={retrying} autoFocus>
            {t("shell.loadFailed.retry")}
          </Button>
          <Button asChild variant="outline">
            <Link href="/">{t("shell.loadFailed.back")}</Link>
          </Button>
        </div>
      </StatusPanel>
    </main>
  );
}
