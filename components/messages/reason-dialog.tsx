"use client";
/**
 * A confirmation about one message with a written reason (cancel, retract, reject: required) or note
 * (approve: optional), checked by the procedure's own rule. It stays open while the request runs; a
 * refusal shows inside it (a stale version also reloads the message), so what was written is not lost.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState, type ReactNode } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { confirmOnCtrlEnter, RefusalAlert, type Refusal } from "@/components/ui/refusal-alert";
import { Textarea } from "@/components/ui/textarea";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { ZMessageChange, ZMessageDecision } from "@/lib/messages/schemas";
import { describeTrpcError } from "@/lib/trpc/errors";

const ZRequired = ZMessageChange.pick({ reason: true });
const ZOptional = z.object({ reason: ZMessageDecision.shape.note });
type Values = { reason: string };
type Output = { reason?: string };
const REQUIRED: FieldMessages<Values> = { invalid: { reason: "messages.actions.reasonInvalid" } };
const OPTIONAL: FieldMessages<Values> = { invalid: { reason: "messages.actions.noteInvalid" } };

interface ReasonDialogProps {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** A reason must be given (else an optional note). */
  required: boolean;
  destructive?: boolean;
  /** Runs the change; a refusal is shown in the dialog. */
  run: (reason: string | undefined) => Promise<unknown>;
  /** After a refusal that means the message changed (CONFLICT): reload it. */
  reload: () => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}

export function ReasonDialog({ title, description, confirmLabel, required, destructive, run, reload, onDone, onClose }: ReasonDialogProps) {
  const t = useT();
  const formId = useId();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Both check the same box; only whether it may stay empty differs.
  const requiredResolver = useLocalizedResolver<Values, Output>(zodResolver(ZRequired) as Resolver<Values, unknown, Output>, REQUIRED);
  const optionalResolver = useLocalizedResolver<Values, Output>(zodResolver(ZOptional) as Resolver<Values, unknown, Output>, OPTIONAL);
  const form = useForm<Values, unknown, Output>({ resolver: required ? requiredResolver : optionalResolver, defaultValues: { reason: "" } });
  const submit = form.handleSubmit(async ({ reason }) => {
    setRefusal(null);
    setPending(true);
    try {
      await run(reason);
      onDone();
    } catch (error) {
      const { message, code } = describeTrpcError(error, t);
      if (code === "CONFLICT") await reload();
      setRefusal({ message, refreshed: code === "CONFLICT" });
    } finally {
      setPending(false);
    }
  });

  return (
    <AlertDialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <Form {...form}>
          <form id={formId} noValidate onSubmit={submit} className="grid gap-3">
            <FormField
              control={form.control}
              name="reason"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{required ? t("messages.actions.reason") : t("messages.actions.note")}</FormLabel>
                  <FormControl>
                    <Textarea
                      rows={3}
                      maxLength={500}
                      autoFocus
                      placeholder={required ? t("messages.actions.reasonPlaceholder") : undefined}
                      disabled={pending}
                      onKeyDown={confirmOnCtrlEnter(() => void submit())}
                      {...field}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {refusal && <RefusalAlert title={t("messages.actions.refusedTitle")} refusal={refusal} refreshedText={t("messages.actions.refreshed")} />}
          </form>
        </Form>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{t("messages.actions.keep")}</AlertDialogCancel>
          <Button type="submit" form={formId} variant={destructive ? "destructive" : "default"} pending={pending}>
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
