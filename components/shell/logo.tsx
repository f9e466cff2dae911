import { cn } from "@/lib/utils";

/** Brokerdesk's monogram (same drawing as public/logo.svg and app/icon.svg), inline so it follows the theme. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-8 shrink-0", className)}>
      <rect width="32" height="32" rx="7" className="fill-foreground" />
      <path
        className="fill-background"
        d="M10 8h7.2c3.3 0 5.3 1.7 5.3 4.2 0 1.7-.9 2.9-2.4 3.5 1.9.5 3.1 1.9 3.1 3.9 0 2.9-2.2 4.4-5.7 4.4H10V8Zm6.7 6.5c1.4 0 2.2-.6 2.2-1.7s-.8-1.7-2.2-1.7h-3v3.4h3Zm.5 6.4c1.5 0 2.4-.6 2.4-1.8s-.9-1.8-2.4-1.8h-3.5v3.6h3.5Z"
      />
    </svg>
  );
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="text-lg font-semibold tracking-tight">Brokerdesk</span>
    </span>
  );
}
