"use client";
/**
 * The dialogs that confirm a step on an application: approve (saying which of the two level-3 approvals
 * it is), reject with a reason from the brand's list, request information, resubmit, assign. Each form
 * is the procedure's own input schema (picked fields), every request carries the version the reviewer
 * saw, and a refusal lands on its field, above the buttons, or (a conflict) in the page banner.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { TriangleAlert, UsersRound } from "lucide-react";
import { useForm, useWatch, type Control, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { FormDialog } from "@/components/form-dialog";
import { reasonLabel, textValue } from "@/components/kyc/kyc-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { useTRPC } from "@/lib/trpc/client";
import {
  needsSecondApproval,
  ZKycApproveInput,
  ZKycAssignInput,
  ZKycRejectInput,
  ZKycRequestInfoInput,
  ZKycResubmitInput,
} from "@/lib/kyc/schemas";
import type { KycApplicationDetail, KycReasonRow } from "@/server/kyc/types";
import type { KycSteps } from "./use-kyc-steps";

interface StepDialogProps {
  app: KycApplicationDetail;
  steps: KycSteps;
  onClose: () => void;
}

/** A refusal: a conflict closes the dialog (the banner explains); anything else stays in the dialog. */
function showStepError<T extends FieldValues, TOut>(
  form: UseFormReturn<T, unknown, TOut>,
  error: unknown,
  messages: FieldMessages<T>,
  steps: KycSteps,
  onClose: () => void,
  t: Translate,
) {
  if (steps.refused(error).conflict) return onClose();
  const unplaced = applyServerErrors(form.setError, error, messages, t);
  if (unplaced) form.setError("root.server", { type: "server", message: unplaced });
}

/** The step's free-text note (optional, or required when asking the customer for something). */
function NoteField<T extends FieldValues, TOut>({
  control,
  name,
  label,
  placeholder,
  autoFocus,
}: {
  control: Control<T, unknown, TOut>;
  name: FieldPath<T>;
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field: { value, ...field } }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Textarea {...field} value={textValue(value)} rows={3} maxLength={1000} placeholder={placeholder} autoFocus={autoFocus} />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

// ── Approve

const ZApproveForm = ZKycApproveInput.pick({ note: true });
type NoteValues = z.input<typeof ZApproveForm>;
const NOTE_MESSAGES: FieldMessages<NoteValues> = { invalid: { note: "kyc.dialogs.invalid.note" } };

/** With `onApproved`, the confirm button says what follows (e.g. opening the next application). */
export function ApproveDialog({ app, steps, onClose, onApproved }: StepDialogProps & { onApproved?: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const name = app.customerName;
  const form = useForm<NoteValues, unknown, z.output<typeof ZApproveForm>>({
    resolver: useLocalizedResolver(zodResolver(ZApproveForm), NOTE_MESSAGES),
    defaultValues: { note: "" },
  });
  const approve = useMutation(
    trpc.kyc.approve.mutationOptions({
      onSuccess: (detail) => {
        onClose();
        const key: MessageKey = detail.status === "pending_second_approval" ? "kyc.toast.firstApproved" : "kyc.toast.approved";
        steps.applied(detail, t(key, { name }));
        onApproved?.();
      },
      onError: (error) => showStepError(form, error, NOTE_MESSAGES, steps, onClose, t),
    }),
  );

  const fourEyes = needsSecondApproval(app.level);
  const second = app.status === "pending_second_approval";
  const vars = { name, level: app.level, first: app.firstApprover?.name ?? "" };
  const title = second ? t("kyc.approve.titleSecond") : fourEyes ? t("kyc.approve.titleFirst") : t("kyc.approve.title");
  return (
    <FormDialog
      form={form}
      title={title}
      description={fourEyes ? t("kyc.approve.body", vars) : t("kyc.approve.bodyFinal", vars)}
      contentClassName="sm:max-w-lg"
      pending={approve.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={onApproved ? t("kyc.approve.confirmNext") : t("kyc.approve.confirm")}
      onSubmit={form.handleSubmit((values) => approve.mutate({ id: app.id, version: app.version, ...values }))}
    >
      {fourEyes && (
        <Alert variant={second ? "success" : "warning"} data-testid="four-eyes-note">
          <UsersRound aria-hidden />
          <AlertDescription>{second ? t("kyc.approve.second", vars) : t("kyc.approve.first", vars)}</AlertDescription>
        </Alert>
      )}
      <NoteField control={form.control} name="note" label={t("kyc.dialogs.noteOptional")} autoFocus />
    </FormDialog>
  );
}

// ── Reject

const ZRejectForm = ZKycRejectInput.pick({ reasonCode: true, note: true });
type RejectValues = z.input<typeof ZRejectForm>;
const REJECT_MESSAGES: FieldMessages<RejectValues> = {
  invalid: { reasonCode: "kyc.dialogs.invalid.reasonCode", note: "kyc.dialogs.invalid.note" },
};

export function RejectDialog({ app, steps, reasons, onClose }: StepDialogProps & { reasons: KycReasonRow[] | undefined }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const name = app.customerName;
  const form = useForm<RejectValues, unknown, z.output<typeof ZRejectForm>>({
    resolver: useLocalizedResolver(zodResolver(ZRejectForm), REJECT_MESSAGES),
    defaultValues: { reasonCode: "", note: "" },
  });
  const reject = useMutation(
    trpc.kyc.reject.mutationOptions({
      onSuccess: (detail) => {
        onClose();
        steps.applied(detail, t("kyc.toast.rejected", { name }));
      },
      onError: (error) => showStepError(form, error, REJECT_MESSAGES, steps, onClose, t),
    }),
  );
  const active = (reasons ?? []).filter((r) => r.active).sort((a, b) => a.sortOrder - b.sortOrder);
  const chosenCode = useWatch({ control: form.control, name: "reasonCode" });
  const chosen = active.find((r) => r.code === chosenCode);
  const noReasons = reasons !== undefined && active.length === 0;

  return (
    <FormDialog
      form={form}
      title={t("kyc.reject.title")}
      description={t("kyc.reject.body", { name })}
      contentClassName="sm:max-w-lg"
      pending={reject.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={t("kyc.reject.confirm")}
      submitVariant="destructive"
      submitDisabled={noReasons}
      onSubmit={form.handleSubmit((values) => reject.mutate({ id: app.id, version: app.version, ...values }))}
    >
      {noReasons ? (
        <Alert variant="warning">
          <TriangleAlert aria-hidden />
          <AlertDescription>{t("kyc.reject.noReasons")}</AlertDescription>
        </Alert>
      ) : (
        <FormField
          control={form.control}
          name="reasonCode"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("kyc.reject.reason")}</FormLabel>
              <Select value={field.value} onValueChange={field.onChange} disabled={reasons === undefined}>
                <FormControl>
                  <SelectTrigger className="w-full" onBlur={field.onBlur} ref={field.ref} autoFocus>
                    <SelectValue placeholder={t("kyc.reject.reasonPlaceholder")} />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {active.map((reason) => (
                    <SelectItem key={reason.id} value={reason.code}>
                      {reasonLabel(reason, locale)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              {chosen && (
                <FormDescription data-testid="reject-resubmit-hint">
                  {chosen.allowResubmit ? t("kyc.reject.mayResubmit") : t("kyc.reject.final")}
                </FormDescription>
              )}
              <FormMessage />
            </FormItem>
          )}
        />
      )}
      <NoteField control={form.control} name="note" label={t("kyc.dialogs.noteOptional")} placeholder={t("kyc.reject.notePlaceholder")} />
    </FormDialog>
  );
}

// ── Request information

const ZRequestInfoForm = ZKycRequestInfoInput.pick({ note: true });
type RequestInfoValues = z.input<typeof ZRequestInfoForm>;
const REQUEST_MESSAGES: FieldMessages<RequestInfoValues> = { invalid: { note: "kyc.dialogs.invalid.requestNote" } };

export function RequestInfoDialog({ app, steps, onClose }: StepDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const name = app.customerName;
  const form = useForm<RequestInfoValues, unknown, z.output<typeof ZRequestInfoForm>>({
    resolver: useLocalizedResolver(zodResolver(ZRequestInfoForm), REQUEST_MESSAGES),
    defaultValues: { note: "" },
  });
  const requestInfo = useMutation(
    trpc.kyc.requestInfo.mutationOptions({
      onSuccess: (detail) => {
        onClose();
        steps.applied(detail, t("kyc.toast.infoRequested", { name }));
      },
      onError: (error) => showStepError(form, error, REQUEST_MESSAGES, steps, onClose, t),
    }),
  );
  return (
    <FormDialog
      form={form}
      title={t("kyc.requestInfo.title")}
      description={t("kyc.requestInfo.body", { name })}
      contentClassName="sm:max-w-lg"
      pending={requestInfo.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={t("kyc.requestInfo.confirm")}
      onSubmit={form.handleSubmit((values) => requestInfo.mutate({ id: app.id, version: app.version, ...values }))}
    >
      <NoteField control={form.control} name="note" label={t("kyc.requestInfo.note")} placeholder={t("kyc.requestInfo.notePlaceholder")} autoFocus />
    </FormDialog>
  );
}

// ── Resubmit

const ZResubmitForm = ZKycResubmitInput.pick({ note: true });
type ResubmitValues = z.input<typeof ZResubmitForm>;

export function ResubmitDialog({ app, steps, onClose }: StepDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const name = app.customerName;
  const form = useForm<ResubmitValues, unknown, z.output<typeof ZResubmitForm>>({
    resolver: useLocalizedResolver(zodResolver(ZResubmitForm), NOTE_MESSAGES),
    defaultValues: { note: "" },
  });
  const resubmit = useMutation(
    trpc.kyc.resubmit.mutationOptions({
      onSuccess: (detail) => {
        onClose();
        steps.applied(detail, t("kyc.toast.resubmitted", { name }));
      },
      onError: (error) => showStepError(form, error, NOTE_MESSAGES, steps, onClose, t),
    }),
  );
  return (
    <FormDialog
      form={form}
      title={t("kyc.resubmit.title")}
      description={t("kyc.resubmit.body", { name })}
      contentClassName="sm:max-w-lg"
      pending={resubmit.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={t("kyc.resubmit.confirm")}
      onSubmit={form.handleSubmit((values) => resubmit.mutate({ id: app.id, version: app.version, ...values }))}
    >
      <NoteField control={form.control} name="note" label={t("kyc.dialogs.noteOptional")} placeholder={t("kyc.resubmit.notePlaceholder")} autoFocus />
    </FormDialog>
  );
}

// ── Assign

const ZAssignForm = ZKycAssignInput.pick({ assigneeId: true });
type AssignValues = z.input<typeof ZAssignForm>;
const ASSIGN_MESSAGES: FieldMessages<AssignValues> = { invalid: { assigneeId: "kyc.dialogs.invalid.assigneeId" } };
/** Radix selects need a non-empty value for "nobody". */
const NOBODY = "__nobody__";

export function AssignDialog({ app, steps, onClose }: StepDialogProps) {
  const t = useT();
  const trpc = useTRPC();
  const name = app.customerName;
  const reviewers = useQuery(trpc.kyc.reviewers.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const current = app.assignee?.id ?? null;
  const form = useForm<AssignValues, unknown, z.output<typeof ZAssignForm>>({
    resolver: useLocalizedResolver(zodResolver(ZAssignForm), ASSIGN_MESSAGES),
    defaultValues: { assigneeId: current },
  });
  const chosen = useWatch({ control: form.control, name: "assigneeId" });
  const assign = useMutation(
    trpc.kyc.assign.mutationOptions({
      onSuccess: (detail) => {
        onClose();
        steps.applied(
          detail,
          detail.assignee ? t("kyc.toast.assigned", { name, reviewer: detail.assignee.name }) : t("kyc.toast.unassigned", { name }),
        );
      },
      onError: (error) => showStepError(form, error, ASSIGN_MESSAGES, steps, onClose, t),
    }),
  );
  // The current assignee stays choosable even if no longer listed (e.g. moved to another role).
  const options = reviewers.data ?? [];
  const listed = !app.assignee || options.some((r) => r.id === app.assignee?.id);
  return (
    <FormDialog
      form={form}
      title={t("kyc.assign.title")}
      description={t("kyc.assign.body", { name })}
      contentClassName="sm:max-w-lg"
      pending={assign.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={t("kyc.assign.confirm")}
      submitDisabled={chosen === current}
      onSubmit={form.handleSubmit((values) => assign.mutate({ id: app.id, version: app.version, ...values }))}
    >
      <FormField
        control={form.control}
        name="assigneeId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("kyc.assign.reviewer")}</FormLabel>
            <Select
              value={field.value ?? NOBODY}
              onValueChange={(value) => field.onChange(value === NOBODY ? null : value)}
              disabled={reviewers.isPending}
            >
              <FormControl>
                <SelectTrigger className="w-full" onBlur={field.onBlur} ref={field.ref} autoFocus>
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                <SelectItem value={NOBODY}>{t("kyc.assign.nobody")}</SelectItem>
                <SelectSeparator />
                {!listed && app.assignee && <SelectItem value={app.assignee.id}>{app.assignee.name}</SelectItem>}
                {options.map((reviewer) => (
                  <SelectItem key={reviewer.id} value={reviewer.id}>
                    {reviewer.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            {reviewers.isError && <p className="text-sm text-destructive">{t("kyc.assign.loadError")}</p>}
            <FormMessage />
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
