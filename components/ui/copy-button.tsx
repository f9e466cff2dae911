"use client";
import * as React from "react";
import { CheckIcon, CopyIcon } from "lucide-react";
import { toast } from "sonner";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import { Button, type ButtonProps } from "./button";

interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children" | "asChild"> {
  /** The text put on the clipboard. */
  value: string;
  /** Visible label; without it the button is icon-only (its accessible name is still "Copy"). */
  label?: string;
}

/** Copies `value` and says "Copied" for two seconds. */
function CopyButton({ value, label, variant = "outline", size, className, ...props }: CopyButtonProps) {
  const t = useT();
  const [copied, setCopied] = React.useState(false);

  React.useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): say so instead of failing silently.
      toast.error(t("shell.copyFailed"));
    }
  }

  const text = copied ? t("common.copied") : (label ?? t("common.copy"));
  return (
    <Button
      type="button"
      variant={variant}
      size={size ?? (label ? "sm" : "icon-sm")}
      className={cn(className)}
      onClick={copy}
      aria-label={label ? undefined : text}
      data-copied={copied || undefined}
      {...props}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      {label && <span>{text}</span>}
      <span className="sr-only" aria-live="polite">
        {copied ? t("common.copied") : ""}
      </span>
    </Button>
  );
}

export { CopyButton, type CopyButtonProps };
