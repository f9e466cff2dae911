/**
 * A cell's text cut to one line with an ellipsis at `className`'s max width; the whole text is the hover
 * title (and stays in the DOM for screen readers and copying), so narrow default columns lose nothing.
 */
import { cn } from "@/lib/utils";

export function TruncatedText({ children, title, className }: { children: string; title?: string; className?: string }) {
  return (
    <span className={cn("block max-w-48 truncate", className)} title={title ?? children}>
      {children}
    </span>
  );
}
