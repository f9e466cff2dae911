"use client";
/**
 * The review page's action bar. Which buttons exist is decided by the server (`app.allowed`); claim and
 * release run at once, decisions open a dialog that confirms them. When a reviewer cannot approve yet,
 * the reason is shown under the bar in the reader's language.
 */
import { useMutation } from "@tanstack/react-query";
import { Check, CheckCheck, Hand, Info, MessageCircleQuestion, RotateCcw, Undo2, UserCog, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useLocale, useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import { AWAITING_REVIEW } from "@/lib/kyc/transitions";
import type { KycApplicationDetail, KycReasonRow } from "@/server/kyc/types";
import { ApproveDialog, AssignDialog, RejectDialog, RequestInfoDialog, ResubmitDialog } from "./kyc-step-dialogs";
import type { KycSteps } from "./use-kyc-steps";
import { useOpenNext } from "./use-open-next";

type StepDialog = "approve" | "approveNext" | "reject" | "requestInfo" | "resubmit" | "assign";

interface KycActionsProps {
  app: KycApplicationDetail;
  steps: KycSteps;
  reasons: KycReasonRow[] | undefined;
  currentUserId: string;
  /** Only reviewers are told why approval is not possible yet; to other desks it never is. */
  canReview: boolean;
  /** A new step starts: an earlier conflict notice no longer applies. */
  onStep: () => void;
}

/**
 * The server's reason why approval is blocked (`approveBlockedReason`, a kyc.errors key), in the reader's
 * language. Reasons that name someone or something get the page's wording, filled from the facts the
 * server's rule read (transitions.ts): the assignee, the missing documents' kinds in the reader's words.
 */
function blockedText(app: KycApplicationDetail, currentUserId: string, t: Translate, locale: string): string | null {
  const reason = app.allowed.approveBlockedReason;
  if (app.allowed.approve || !reason || !AWAITING_REVIEW.includes(app.status)) return null;
  // Waiting for the second reviewer: the page's four-eyes notice already says who may act and how.
  if (app.status === "pending_second_approval" && app.assignee?.id !== currentUserId) return null;
  switch (reason) {
    case "kyc.errors.claimFirst":
      return t("kyc.blocked.claimFirst");
    case "kyc.errors.assignedTo":
    case "kyc.errors.assignedToAnother":
      return app.assignee ? t("kyc.blocked.assignedTo", { name: app.assignee.name }) : t(reason);
    case "kyc.errors.documentsMissing": {
      const documents = new Intl.ListFormat(locale).format(app.missingDocuments.map((kind) => t(`kyc.documentKind.${kind}`)));
      return t("kyc.blocked.missingDocuments", { documents });
    }
    default:
      return t(reason);
  }
}

export function KycActions({ app, steps, reasons, currentUserId, canReview, onStep }: KycActionsProps) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { allowed } = app;
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const openNext = useOpenNext(app.id);
  const name = app.customerName;

  const onError = (error: unknown) => {
    const refusal = steps.refused(error);
    if (!refusal.conflict) toast.error(refusal.message);
  };
  const claim = useMutation(
    trpc.kyc.claim.mutationOptions({ onSuccess: (detail) => steps.applied(detail, t("kyc.toast.claimed", { name })), onError }),
  );
  const release = useMutation(
    trpc.kyc.release.mutationOptions({ onSuccess: (detail) => steps.applied(detail, t("kyc.toast.released", { name })), onError }),
  );
  const busy = claim.isPending || release.isPending;
  const open = (next: StepDialog) => {
    onStep();
    setDialog(next);
  };
  const close = () => setDialog(null);

  const blocked = canReview ? blockedText(app, currentUserId, t, locale) : null;
  const anyAction =
    allowed.claim || allowed.release || allowed.assign || allowed.approve || allowed.reject || allowed.requestInfo || allowed.resubmit;

  return (
    <div className="flex max-w-full flex-col items-start gap-2 sm:items-end">
      {anyAction && (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("kyc.actions.group")}>
          {allowed.claim && (
            <Button
              size="sm"
              variant={allowed.approve ? "outline" : "default"}
              pending={claim.isPending}
              disabled={busy}
              onClick={() => {
                onStep();
                claim.mutate({ id: app.id, version: app.version });
              }}
            >
              {!claim.isPending && <Hand />}
              {t("kyc.actions.claim")}
            </Button>
          )}
          {allowed.release && (
            <Button
              size="sm"
              variant="outline"
              pending={release.isPending}
              disabled={busy}
              onClick={() => {
                onStep();
                release.mutate({ id: app.id, version: app.version });
              }}
            >
              {!release.isPending && <Undo2 />}
              {t("kyc.actions.release")}
            </Button>
          )}
          {allowed.assign && (
            <Button size="sm" variant="outline" disabled={busy} onClick={() => open("assign")}>
              <UserCog />
              {t("kyc.actions.assign")}
            </Button>
          )}
          {allowed.resubmit && (
            <Button size="sm" variant="outline" disabled={busy} onClick={() => open("resubmit")}>
              <RotateCcw />
              {t("kyc.actions.resubmit")}
            </Button>
          )}
          {allowed.requestInfo && (
            <Button size="sm" variant="outline" disabled={busy} onClick={() => open("requestInfo")}>
              <MessageCircleQuestion />
              {t("kyc.actions.requestInfo")}
            </Button>
          )}
          {allowed.reject && (
            <Button
              size="sm"
              variant="outline"
              className="text-destructive hover:text-destructive"
              disabled={busy}
              onClick={() => open("reject")}
            >
              <X />
              {t("kyc.actions.reject")}
            </Button>
          )}
          {allowed.approve && (
            <>
              <Button size="sm" variant="outline" disabled={busy} onClick={() => open("approveNext")}>
                <CheckCheck />
                {t("kyc.actions.approveNext")}
              </Button>
              <Button size="sm" disabled={busy} onClick={() => open("approve")}>
                <Check />
                {t("kyc.actions.approve")}
              </Button>
            </>
          )}
        </div>
      )}
      {blocked && (
        <p className="flex max-w-md items-start gap-1.5 text-sm text-muted-foreground sm:text-right" data-testid="approve-blocked">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{t("kyc.actions.approveBlocked", { reason: blocked })}</span>
        </p>
      )}

      {dialog === "approve" && <ApproveDialog app={app} steps={steps} onClose={close} />}
      {dialog === "approveNext" && <ApproveDialog app={app} steps={steps} onClose={close} onApproved={() => void openNext()} />}
      {dialog === "reject" && <RejectDialog app={app} steps={steps} reasons={reasons} onClose={close} />}
      {dialog === "requestInfo" && <RequestInfoDialog app={app} steps={steps} onClose={close} />}
      {dialog === "resubmit" && <ResubmitDialog app={app} steps={steps} onClose={close} />}
      {dialog === "assign" && <AssignDialog app={app} steps={steps} onClose={close} />}
    </div>
  );
}
