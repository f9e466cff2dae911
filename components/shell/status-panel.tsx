/**
 * The centred panel a page shows instead of its content: not found, forbidden, could not be loaded. An
 * icon, an optional status code, a heading, a sentence, and the actions as children.
 */
import type * as React from "react";
import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";

interface StatusPanelProps extends Omit<React.ComponentProps<"section">, "title"> {
  icon: LucideIcon;
  code?: React.ReactNode;
  title: React.ReactNode;
  description: React.ReactNode;
  /** Id of the heading, for `aria-labelledby`. */
  titleId?: string;
}

export function StatusPanel({ icon: Icon, code, title, description, titleId, className, children, ...props }: StatusPanelProps) {
  return (
    <section className={cn("mx-auto flex max-w-md flex-col items-center gap-4 text-center", className)} {...props}>
      <div className="flex size-12 items-center justify-center rounded-xl border bg-muted/50 text-muted-foreground">
        <Icon className="size-6" aria-hidden />
      </div>
      {code && <p className="font-mono text-sm text-muted-foreground">{code}</p>}
      <h1 id={titleId} className="text-xl font-semibold tracking-tight">
        {title}
      </h1>
      <p className="text-sm text-muted-foreground">{description}</p>
      {children}
    </section>
  );
}
