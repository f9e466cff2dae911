"use client";
/**
 * The required-reason form of a confirming dialog (customer status changes, exchange actions): one
 * textarea, focused, Ctrl/⌘+Enter confirms, the field's message under it and `children` (a refusal) after.
 * The dialog's confirm button submits it through `form={id}`.
 */
import type { BaseSyntheticEvent, ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { confirmOnCtrlEnter } from "@/components/ui/refusal-alert";
import { Textarea } from "@/components/ui/textarea";

interface ReasonFormProps<TOut> {
  id: string;
  form: UseFormReturn<{ reason: string }, unknown, TOut>;
  /** The form's handleSubmit(...) (it receives the submit event, so the page does not reload). */
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  label: string;
  placeholder: string;
  rows: number;
  pending: boolean;
  children?: ReactNode;
}

export function ReasonForm<TOut>({ id, form, submit, label, placeholder, rows, pending, children }: ReasonFormProps<TOut>) {
  return (
    <Form {...form}>
      <form id={id} noValidate onSubmit={submit} className="grid gap-3">
        <FormField
          control={form.control}
          name="reason"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{label}</FormLabel>
              <FormControl>
                <Textarea rows={rows} maxLength={500} autoFocus placeholder={placeholder} disabled={pending} onKeyDown={confirmOnCtrlEnter(() => void submit())} {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        {children}
      </form>
    </Form>
  );
}
