"use client";
/**
 * A panel that could not load: what failed, the server's reason, and Retry. The one shape every tab and
 * page shows when its query fails, instead of each repeating the empty-state markup.
 */
import { TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";

interface LoadErrorProps {
  /** What could not be loaded, e.g. "Could not load the trading accounts." */
  title: ReactNode;
  /** The failed query's error; its message is shown as the reason. */
  error: unknown;
  onRetry: () => void;
  className?: string;
}

export function LoadError({ title, error, onRetry, className }: LoadErrorProps) {
  const t = useT();
  return (
    <EmptyState
      icon={TriangleAlert}
      className={className}
      title={title}
      description={describeTrpcError(error, t).message}
      action={
        <Button variant="outline" size="sm" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      }
    />
  );
}
