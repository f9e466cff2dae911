import * as React from "react";
import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";

interface EmptyStateProps extends Omit<React.ComponentProps<"div">, "title"> {
  icon?: LucideIcon;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A button or link, e.g. "Create the first campaign". */
  action?: React.ReactNode;
}

/** The "nothing here" panel for lists, searches without matches and areas not built yet. */
function EmptyState({ icon: Icon, title, description, action, className, ...props }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn("flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center", className)}
      {...props}
    >
      {Icon && (
        <div className="flex size-10 items-center justify-center rounded-lg border bg-muted/50 text-muted-foreground">
          <Icon className="size-5" aria-hidden />
        </div>
      )}
      <div className="grid max-w-md gap-1">
        <p className="text-sm font-medium">{title}</p>
        {description && <div className="text-sm text-muted-foreground">{description}</div>}
      </div>
      {action && <div className="mt-1">{action}</div>}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
