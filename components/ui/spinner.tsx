import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";

/** Decorative by default; pass `label` when the spinner is the only sign that something is loading. */
function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <LoaderCircle
      data-slot="spinner"
      className={cn("size-4 animate-spin", className)}
      role={label ? "status" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

export { Spinner };
