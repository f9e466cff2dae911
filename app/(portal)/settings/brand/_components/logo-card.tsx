"use client";
/**
 * The brand's logo: preview, upload (checked in the browser first, then sent as base64) and removal
 * behind a confirmation. Changes apply at once, apart from the settings form's Save; the shell is
 * refreshed so the sidebar shows the new logo straight away.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ImageIcon, Trash2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useLocale, useT } from "@/lib/i18n/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { BrandSettings } from "@/server/brands/service";
import { checkLogoFile, formatBytes, readAsBase64 } from "./read-logo";
import { LOGO_MIME_TYPES } from "./schema";

export const logoUrl = (brand: Pick<BrandSettings, "id" | "logoVersion">) =>
  `/brand-logo/${encodeURIComponent(brand.id)}?v=${brand.logoVersion}`;

export function LogoCard({ brand, canManage }: { brand: BrandSettings; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);

  const afterChange = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.brand.get.queryKey() });
    router.refresh(); // the shell reads the logo version on the server
  };
  const setLogo = useMutation(
    trpc.brand.setLogo.mutationOptions({
      onSuccess: async () => {
        toast.success(t("brandSettings.logo.uploaded"));
        await afterChange();
      },
      // Type and size were checked here; what the server still refuses is the file's content.
      onError: (error) => {
        const { field, message } = describeTrpcError(error, t);
        setProblem(field === "logo" ? t("brandSettings.logo.rejected") : message);
      },
    }),
  );
  const removeLogo = useMutation(
    trpc.brand.removeLogo.mutationOptions({
      onSuccess: async () => {
        setConfirmOpen(false);
        toast.success(t("brandSettings.logo.removed"));
        await afterChange();
      },
      onError: (error) => {
        setConfirmOpen(false);
        setProblem(describeTrpcError(error, t).message);
      },
    }),
  );
  const busy = setLogo.isPending || removeLogo.isPending;

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again must fire change again
    if (!file) return;
    setProblem(null);
    const checked = checkLogoFile(file);
    if (!checked.ok) {
      setProblem(t(`brandSettings.logo.${checked.problem}`, { file: file.name, size: formatBytes(file.size, locale) }));
      return;
    }
    try {
      setLogo.mutate({ mime: checked.mime, base64: await readAsBase64(file) });
    } catch {
      setProblem(t("brandSettings.logo.readFailed", { file: file.name }));
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("brandSettings.logo.title")}</CardTitle>
        <CardDescription>{t("brandSettings.logo.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap items-center gap-4">
          <div className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-lg border bg-muted/40">
            {brand.hasLogo ? (
              // A plain <img>: our own small, already-sized route; next/image adds nothing here.
              <img
                src={logoUrl(brand)}
                alt={t("brandSettings.logo.alt", { name: brand.name })}
                width={64}
                height={64}
                className="size-full object-contain"
              />
            ) : (
              <ImageIcon aria-hidden className="size-6 text-muted-foreground" />
            )}
          </div>
          <p className="min-w-0 flex-1 text-sm text-muted-foreground">
            {brand.hasLogo ? t("brandSettings.logo.current") : t("brandSettings.logo.none")}
          </p>
          {canManage && (
            <div className="flex flex-wrap gap-2">
              <input
                ref={fileInput}
                type="file"
                accept={LOGO_MIME_TYPES.join(",")}
                hidden
                onChange={onFileChosen}
                data-testid="logo-file"
              />
              <Button type="button" variant="outline" size="sm" pending={setLogo.isPending} disabled={busy} onClick={() => fileInput.current?.click()}>
                {!setLogo.isPending && <Upload />}
                {setLogo.isPending
                  ? t("brandSettings.logo.uploading")
                  : brand.hasLogo
                    ? t("brandSettings.logo.replace")
                    : t("brandSettings.logo.upload")}
              </Button>
              {brand.hasLogo && (
                <ConfirmDialog
                  open={confirmOpen}
                  onOpenChange={setConfirmOpen}
                  destructive
                  trigger={
                    <Button type="button" variant="ghost" size="sm" disabled={busy} className="text-destructive hover:text-destructive">
                      <Trash2 />
                      {t("brandSettings.logo.remove")}
                    </Button>
                  }
                  title={t("brandSettings.logo.removeTitle")}
                  description={t("brandSettings.logo.removeBody")}
                  confirmLabel={t("brandSettings.logo.removeConfirm")}
                  cancelLabel={t("common.cancel")}
                  pending={removeLogo.isPending}
                  onConfirm={() => removeLogo.mutate()}
                />
              )}
            </div>
          )}
        </div>
        {problem && (
          <p role="alert" className="text-sm text-destructive">
            {problem}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
