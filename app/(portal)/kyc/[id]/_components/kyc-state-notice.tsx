"use client";
/**
 * The callout under the review page's title for the states where the next move is not obvious: a level 3
 * application waiting for its second reviewer (four eyes: who gave the first approval, and what the
 * reader can do about it), and one waiting for the customer's information (what was asked, what to do).
 */
import { Info, MessageCircleQuestion, UsersRound } from "lucide-react";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { useT } from "@/lib/i18n/client";
import { needsSecondApproval } from "@/lib/kyc/schemas";
import type { KycApplicationDetail } from "@/server/kyc/types";

export function KycStateNotice({ app, currentUserId }: { app: KycApplicationDetail; currentUserId: string }) {
  const t = useT();
  const dateTime = useDateTimeFormat();

  if (app.status === "pending_second_approval") {
    const first = app.firstApprover?.name ?? t("kyc.review.state.system");
    const next =
      app.firstApprover?.id === currentUserId
        ? t("kyc.review.fourEyes.you")
        : app.assignee?.id === currentUserId
          ? t("kyc.review.fourEyes.mine")
          : app.assignee
            ? t("kyc.review.fourEyes.other", { assignee: app.assignee.name })
            : app.allowed.claim
              ? t("kyc.review.fourEyes.claim")
              : t("kyc.review.fourEyes.unclaimed");
    return (
      <Alert variant="warning" data-testid="kyc-four-eyes">
        <UsersRound aria-hidden />
        <AlertTitle>{t("kyc.review.fourEyes.title")}</AlertTitle>
        <AlertDescription className="grid gap-1">
          <p>
            {t("kyc.review.fourEyes.body", {
              first,
              date: app.firstApprovedAt ? dateTime.format(app.firstApprovedAt) : "—",
              name: app.customerName,
            })}
          </p>
          <p className="font-medium text-foreground">{next}</p>
        </AlertDescription>
      </Alert>
    );
  }

  if (app.status === "more_info_requested") {
    const request = app.events.findLast((event) => event.action === "request_info");
    return (
      <Alert variant="warning" data-testid="kyc-more-info">
        <MessageCircleQuestion aria-hidden />
        <AlertTitle>{t("kyc.review.moreInfo.title")}</AlertTitle>
        <AlertDescription className="grid gap-1.5">
          {request && (
            <>
              <p>{t("kyc.review.moreInfo.asked", { actor: request.actorLabel, date: dateTime.format(request.createdAt) })}</p>
              {request.note && <blockquote className="border-l-2 pl-3 whitespace-pre-wrap text-foreground">{request.note}</blockquote>}
            </>
          )}
          <p>{app.allowed.resubmit || app.allowed.upload ? t("kyc.review.moreInfo.hintSubmit") : t("kyc.review.moreInfo.hint")}</p>
        </AlertDescription>
      </Alert>
    );
  }

  // Before its first approval a level 3 application says up front that one approval will not be enough.
  if (needsSecondApproval(app.level) && (app.status === "submitted" || app.status === "in_review")) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="kyc-four-eyes-ahead">
        <Info aria-hidden className="size-4 shrink-0" />
        {t("kyc.review.fourEyes.pending")}
      </p>
    );
  }
  return null;
}
