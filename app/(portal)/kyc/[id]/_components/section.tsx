/** Dense building blocks of the review page: a titled region and a label/value list. */
import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils";

interface SectionProps {
  title: ReactNode;
  /** Right side of the title bar, e.g. a count or a button. */
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A card with a heading; a named region, so assistive tech (and tests) can jump to it. */
export function Section({ title, aside, children, className }: SectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cn("min-w-0 rounded-lg border bg-card text-card-foreground shadow-xs", className)}>
      <header className="flex min-h-11 items-center justify-between gap-3 border-b px-4 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {title}
        </h2>
        {aside}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}

export function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cn("grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm", className)}>{children}</dl>;
}

export function Fact({ label, children, mono }: { label: ReactNode; children: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={cn("min-w-0 break-words", mono && "font-mono text-xs leading-5")}>{children}</dd>
    </>
  );
}
