"use client";
/** The Notes tab: what the desks wrote about the customer, newest first, and (with customer.note) a new note. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { StickyNote } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { LoadError } from "@/components/load-error";
import { useDateTimeFormat } from "@/components/data-table/use-date-time-format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { ZAddCustomerNoteInput } from "@/lib/customers/schemas";

const ZNoteForm = ZAddCustomerNoteInput.pick({ body: true });
type NoteValues = z.input<typeof ZNoteForm>;
const MESSAGES: FieldMessages<NoteValues> = { invalid: { body: "customers.notes.invalid" } };

export function CustomerNotes({ customerId, canNote }: { customerId: string; canNote: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const dateTime = useDateTimeFormat();
  const query = useQuery(trpc.customer.notes.queryOptions({ id: customerId }));

  let list: React.ReactNode;
  if (query.isPending) {
    list = (
      <div className="grid gap-3" aria-busy="true">
        <span className="sr-only" role="status">
          {t("common.loading")}
        </span>
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  } else if (query.isError) {
    list = (
      <LoadError title={t("customers.notes.loadError")} error={query.error} onRetry={() => void query.refetch()} />
    );
  } else if (query.data.length === 0) {
    list = <EmptyState icon={StickyNote} title={t("customers.notes.empty")} description={canNote ? t("customers.notes.emptyHint") : undefined} />;
  } else {
    list = (
      <ul aria-label={t("customers.tabs.notes")} className="grid gap-3">
        {query.data.map((note) => (
          <li key={note.id} className="grid gap-1 rounded-md border bg-card px-4 py-3">
            <p className="text-xs text-muted-foreground">
              {t("customers.notes.byline", { author: note.authorName })}
              {" · "}
              <time dateTime={note.createdAt.toISOString()} className="tabular-nums">
                {dateTime.format(note.createdAt)}
              </time>
            </p>
            <p className="text-sm whitespace-pre-wrap break-words">{note.body}</p>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="grid max-w-3xl gap-4">
      {canNote && <AddNoteForm customerId={customerId} />}
      {list}
    </div>
  );
}

function AddNoteForm({ customerId }: { customerId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<NoteValues, unknown, z.output<typeof ZNoteForm>>({
    resolver: useLocalizedResolver(zodResolver(ZNoteForm), MESSAGES),
    defaultValues: { body: "" },
  });
  const add = useMutation(
    trpc.customer.addNote.mutationOptions({
      onSuccess: () => {
        form.reset({ body: "" });
        toast.success(t("customers.notes.added"));
        void queryClient.invalidateQueries(trpc.customer.timeline.pathFilter());
        return queryClient.invalidateQueries(trpc.customer.notes.queryFilter({ id: customerId }));
      },
      onError: (error) => {
        const unplaced = applyServerErrors(form.setError, error, MESSAGES, t);
        if (unplaced) form.setError("body", { type: "server", message: unplaced });
      },
    }),
  );
  const submit = form.handleSubmit(({ body }) => add.mutate({ customerId, body }));

  return (
    <Form {...form}>
      <form noValidate onSubmit={submit} className="grid gap-2">
        <FormField
          control={form.control}
          name="body"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("customers.notes.label")}</FormLabel>
              <FormControl>
                <Textarea
                  rows={3}
                  maxLength={2000}
                  placeholder={t("customers.notes.placeholder")}
                  disabled={add.isPending}
                  onKeyDown={(event) => {
                    // Ctrl/⌘+Enter saves; plain Enter is a new line.
                    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                      event.preventDefault();
                      void submit();
                    }
                  }}
                  {...field}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-muted-foreground">{t("customers.notes.hint")}</p>
          <Button type="submit" size="sm" pending={add.isPending}>
            {t("customers.notes.add")}
          </Button>
        </div>
      </form>
    </Form>
  );
}
