"use client";
/**
 * The composer (/messages/new): type and an optional template, the text in English and Chinese, the
 * audience with its live preview, now or at a time; checked in the browser by `message.send`'s own schema
 * (lib/messages/form.ts), confirmed in a dialog that states the recipients and whether an admin approves
 * first, then sent — and on to the message's page. A refusal lands on the field the server names.
 * Ctrl+Enter (⌘+Enter) anywhere in the form reviews it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useWaitingToast } from "@/components/approvals/use-waiting-toast";
import type { PickedCustomer } from "@/components/subaccounts/customer-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { applyServerErrors, useLocalizedResolver } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { completeAudience, emptyComposer, writtenLocales, ZComposerForm, type ComposerValues } from "@/lib/messages/form";
import { CUSTOMER_VARIABLES, type MessageLocale } from "@/lib/messages/template";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ContentEditor, localeWithError } from "../content-editor";
import { AudienceFields } from "./audience-fields";
import { AudiencePreviewPanel, useAudiencePreview } from "./audience-preview";
import { COMPOSER_MESSAGES, ComposerHead, WhenFields } from "./composer-fields";
import { SendConfirmDialog } from "./send-confirm-dialog";

type SendInput = z.output<typeof ZComposerForm>;

/** `customer`: a customer to write to (the customer page's "Send a message"). */
export function MessageComposer({ customer: initialCustomer }: { customer?: PickedCustomer | null }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const waitingToast = useWaitingToast();
  const [tab, setTab] = useState<MessageLocale>("en");
  const [customer, setCustomer] = useState<PickedCustomer | null>(initialCustomer ?? null);
  const [review, setReview] = useState<SendInput | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const settings = useQuery(trpc.message.settings.queryOptions());
  const localized = useLocalizedResolver(zodResolver(ZComposerForm), COMPOSER_MESSAGES);
  // "Write it in at least one language" belongs to the text as a whole: the box-level keys cannot say it.
  const resolver: Resolver<ComposerValues, unknown, SendInput> = async (...args) => {
    const result = await localized(...args);
    const content = (result.errors as FieldErrors<ComposerValues>).content;
    if (content && "type" in content && content.type) content.message = t("messages.composer.invalid.content");
    return result;
  };
  const form = useForm<ComposerValues, unknown, SendInput>({
    resolver,
    defaultValues: initialCustomer ? { ...emptyComposer(), audience: { ...emptyComposer().audience, kind: "customer", customerId: initialCustomer.id } } : emptyComposer(),
  });
  const values = useWatch({ control: form.control });
  const boxes = form.getValues();
  const locales = writtenLocales(boxes.content);
  const audience = completeAudience(boxes.audience);
  const preview = useAudiencePreview(audience, locales);

  const openTabOf = (errors: FieldErrors<ComposerValues>) => {
    const locale = localeWithError(errors);
    if (locale) setTab(locale);
  };
  const send = useMutation(
    trpc.message.send.mutationOptions({
      onSuccess: (sent, input) => {
        const title = input.content.en?.title ?? input.content["zh-CN"]?.title ?? "";
        if (sent.status === "awaiting_approval") waitingToast(t("messages.composer.done.awaiting", { title }));
        else toast.success(t(sent.status === "scheduled" ? "messages.composer.done.scheduled" : "messages.composer.done.sent", { title }));
        void queryClient.invalidateQueries(trpc.message.pathFilter());
        router.push(`/messages/${sent.id}`);
      },
      onError: (error) => {
        setReview(null);
        const { field, message } = describeTrpcError(error, t);
        // Refusals about the audience or the text as a whole have no box of their own.
        if (field === "audience" || field === "content") {
          form.setError(field, { type: "server", message });
          setFormError(null);
        } else setFormError(applyServerErrors(form.setError, error, COMPOSER_MESSAGES, t));
        openTabOf(form.formState.errors);
      },
    }),
  );

  const submit = form.handleSubmit(
    (input) => {
      setFormError(null);
      setReview(input);
    },
    (errors) => {
      openTabOf(errors);
      const locale = localeWithError(errors);
      if (locale) requestAnimationFrame(() => form.setFocus(`content.${locale}.${errors.content?.[locale]?.title ? "title" : "body"}`));
    },
  );
  const busy = send.isPending;
  const reviewTitle = review ? (review.content.en?.title ?? review.content["zh-CN"]?.title ?? "") : "";

  return (
    <Form {...form}>
      <form
        noValidate
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
        className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]"
      >
        <div className="grid min-w-0 gap-4">
          <Card className="gap-4 py-4">
            <CardHeader className="px-4">
              <CardTitle className="text-sm">{t("messages.composer.sections.message")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 px-4">
              <ComposerHead settings={settings.data} disabled={busy} onTemplate={(locale) => setTab(locale)} />
              <ContentEditor allowed={CUSTOMER_VARIABLES} tab={tab} onTabChange={setTab} disabled={busy} />
            </CardContent>
          </Card>
          <Card className="gap-4 py-4">
            <CardHeader className="px-4">
              <CardTitle className="text-sm">{t("messages.composer.sections.audience")}</CardTitle>
            </CardHeader>
            <CardContent className="px-4">
              <AudienceFields customer={customer} onCustomer={setCustomer} disabled={busy} />
            </CardContent>
          </Card>
          <Card className="gap-4 py-4">
            <CardHeader className="px-4">
              <CardTitle className="text-sm">{t("messages.composer.sections.when")}</CardTitle>
            </CardHeader>
            <CardContent className="px-4">
              <WhenFields disabled={busy} when={values.when ?? "now"} />
            </CardContent>
          </Card>
        </div>

        <aside className="grid gap-4 lg:sticky lg:top-4" aria-label={t("messages.composer.preview.title")}>
          <Card className="gap-3 py-4">
            <CardHeader className="px-4">
              <CardTitle className="text-sm">{t("messages.composer.preview.title")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 px-4">
              <AudiencePreviewPanel audience={audience} query={preview} threshold={settings.data?.messageApprovalThreshold} />
              {formError && (
                <Alert variant="destructive" role="alert">
                  <AlertDescription>{formError}</AlertDescription>
                </Alert>
              )}
              <Button type="submit" pending={busy} className="w-full">
                {values.when === "later" ? t("messages.composer.schedule") : t("messages.composer.submit")}
              </Button>
            </CardContent>
          </Card>
        </aside>
      </form>
      {review && (
        <SendConfirmDialog
          title={reviewTitle}
          // A count for another audience (the preview catching up) is not stated.
          count={preview.isPlaceholderData ? null : (preview.data?.total ?? null)}
          scheduledAt={review.scheduledAt}
          threshold={settings.data?.messageApprovalThreshold}
          locales={locales}
          pending={busy}
          onClose={() => setReview(null)}
          onConfirm={() => send.mutate(review)}
        />
      )}
    </Form>
  );
}
