"use client";
/** The enrolment QR code (an SVG data URL rendered by our own server) and the setup key to type instead. */
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

interface TotpSetupKeyProps {
  qrDataUrl: string;
  secret: string;
  qrAlt: string;
  manualLabel: string;
  /** Stacked under the QR code (sign-in card) or beside it (account page). */
  layout?: "stacked" | "side";
}

export function TotpSetupKey({ qrDataUrl, secret, qrAlt, manualLabel, layout = "stacked" }: TotpSetupKeyProps) {
  return (
    <div className={cn(layout === "stacked" ? "grid justify-items-center gap-3" : "flex flex-wrap items-start gap-6")}>
      {/* next/image cannot optimise a data URL; a plain img is right here. */}
      <img src={qrDataUrl} alt={qrAlt} width={176} height={176} className="size-44 rounded-md border bg-white p-2" data-testid="totp-qr" />
      <div className={cn("grid min-w-0 gap-1.5", layout === "stacked" ? "w-full" : "flex-1")}>
        <p className="text-xs text-muted-foreground">{manualLabel}</p>
        <div className="flex items-center gap-2">
          <code className="min-w-0 flex-1 rounded-md border bg-muted px-2 py-1.5 font-mono text-xs break-all" data-testid="totp-secret">
            {secret}
          </code>
          <CopyButton value={secret} />
        </div>
      </div>
    </div>
  );
}
