"use client";
/**
 * The audience as a CSV of uids: the file is read here, in the browser, into uids (lines that are not a
 * uid are reported with their line), then checked with the server — how many receive it, and which are
 * listed twice, not customers of this brand, or closed, with examples — before anything is sent.
 */
import { useQuery } from "@tanstack/react-query";
import { CircleCheck, TriangleAlert } from "lucide-react";
import { useId, useState } from "react";
import { FileInput } from "@/components/ui/file-input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useFormat } from "@/lib/hooks/use-format";
import { useT } from "@/lib/i18n/client";
import { distinctUids, MAX_UIDS, parseUidCsv, type UidCsv } from "@/lib/messages/form";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPCClient } from "@/lib/trpc/client";
import { checkUidList, listKey } from "../uid-chunks";

interface UidCsvFieldProps {
  /** Called with the distinct uids to send to ([] while there is no usable file). */
  onChange: (uids: string[]) => void;
  disabled?: boolean;
  /** The form's message for the field. */
  error?: string;
}

export function UidCsvField({ onChange, disabled, error }: UidCsvFieldProps) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const client = useTRPCClient();
  const [file, setFile] = useState<{ name: string; csv: UidCsv } | null>(null);
  const [progress, setProgress] = useState(0);
  const tooMany = file ? distinctUids(file.csv.uids).length > MAX_UIDS : false;
  const uids = file && !tooMany ? file.csv.uids : [];
  const check = useQuery({
    queryKey: ["message.checkUidList", listKey(uids)],
    queryFn: ({ signal }) => checkUidList(client, uids, setProgress, signal),
    enabled: uids.length > 0,
    staleTime: 60_000,
    retry: false,
  });

  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{t("messages.composer.csv.file")}</Label>
      <FileInput
        id={id}
        accept=".csv,.txt,text/csv,text/plain"
        disabled={disabled}
        fileName={file?.name ?? null}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-hint`}
        onChange={async (event) => {
          const picked = event.target.files?.[0];
          if (!picked) return;
          const csv = parseUidCsv(await picked.text());
          setProgress(0);
          setFile({ name: picked.name, csv });
          const distinct = distinctUids(csv.uids);
          onChange(distinct.length <= MAX_UIDS ? distinct : []);
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t("messages.composer.csv.hint", { max: f.number(MAX_UIDS) })}
      </p>
      {file && (
        <div className="grid gap-1 rounded-md border p-3 text-sm" role="status" aria-live="polite">
          {file.csv.uids.length === 0 ? (
            <p className="text-destructive">{t("messages.composer.csv.noUids")}</p>
          ) : (
            <p>{t("messages.composer.csv.read", { count: f.number(file.csv.uids.length), file: file.name })}</p>
          )}
          {file.csv.invalidCount > 0 && (
            <p className="text-muted-foreground">
              {t("messages.composer.csv.invalidLines", { count: f.number(file.csv.invalidCount), line: file.csv.invalid[0]!.line, value: file.csv.invalid[0]!.value })}
            </p>
          )}
          {tooMany && <p className="text-destructive">{t("messages.composer.csv.tooMany", { count: f.number(distinctUids(file.csv.uids).length), max: f.number(MAX_UIDS) })}</p>}
          {check.isFetching && (
            <p className="flex items-center gap-2 text-muted-foreground">
              <Spinner className="size-4" />
              {t("messages.composer.csv.checking")} {progress > 0 && `${Math.round(progress * 100)}%`}
            </p>
          )}
          {check.isError && <p className="text-destructive">{`${t("messages.composer.csv.checkFailed")} ${describeTrpcError(check.error, t).message}`}</p>}
          {check.data && !check.isFetching && (
            <ul className="grid gap-1">
              <li className="flex items-center gap-1.5 font-medium">
                <CircleCheck className="size-4 text-success" aria-hidden />
                {t("messages.composer.csv.valid", { count: f.number(check.data.valid) })}
              </li>
              {(
                [
                  ["duplicates", check.data.counts.duplicates, check.data.duplicates],
                  ["unknown", check.data.counts.unknown, check.data.unknown],
                  ["closed", check.data.counts.closed, check.data.closed],
                ] as const
              )
                .filter(([, count]) => count > 0)
                .map(([kind, count, samples]) => (
                  <li key={kind} className="grid gap-0.5">
                    <span className="flex items-center gap-1.5">
                      <TriangleAlert className="size-4 text-warning" aria-hidden />
                      {t(`messages.composer.csv.${kind}`, { count: f.number(count) })}
                    </span>
                    <span className="pl-5.5 font-mono text-xs break-all text-muted-foreground">
                      {t("messages.composer.csv.samples", { uids: samples.slice(0, 10).join(", ") + (count > 10 ? ", …" : "") })}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
