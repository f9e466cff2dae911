"use client";
/**
 * "Save as segment" on the customer list: the list's current filters saved under a name, to send messages
 * to (whoever matches them when a message is sent). Shown while the list is filtered by a field a segment keeps.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BookmarkPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog, TextField } from "@/components/form-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import type { CustomerListInput } from "@/lib/customers/schemas";
import { ZSegmentInput } from "@/lib/messages/schemas";
import { useTRPC } from "@/lib/trpc/client";
import { segmentFilterOf, useSegmentFilterWords } from "./segment-filter";

const ZName = ZSegmentInput.pick({ name: true });
type Values = z.input<typeof ZName>;
const MESSAGES: FieldMessages<Values> = { invalid: { name: "messages.segments.save.invalid" } };

export function SaveSegmentButton({ input }: { input: CustomerListInput }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Nothing to save while the list is not filtered (that segment would be every customer).
  if (Object.keys(segmentFilterOf(input)).length === 0) return null;
  return (
    <>
      <Button size="sm" variant="outline" className="h-8" onClick={() => setOpen(true)}>
        <BookmarkPlus />
        {t("messages.segments.save.button")}
      </Button>
      {open && <SaveSegmentDialog input={input} onClose={() => setOpen(false)} />}
    </>
  );
}

function SaveSegmentDialog({ input, onClose }: { input: CustomerListInput; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useSegmentFilterWords();
  const [formError, setFormError] = useState<string | null>(null);
  const [filter] = useState(() => segmentFilterOf(input));
  const form = useForm<Values, unknown, z.output<typeof ZName>>({ resolver: useLocalizedResolver(zodResolver(ZName), MESSAGES), defaultValues: { name: "" } });
  const save = useMutation(
    trpc.message.createSegment.mutationOptions({
      onSuccess: (segment) => {
        toast.success(t("messages.segments.save.done", { name: segment.name }));
        void queryClient.invalidateQueries(trpc.message.segments.queryFilter());
        onClose();
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, MESSAGES, t)),
    }),
  );
  const dropped = input.statusChangedFrom !== undefined || input.statusChangedTo !== undefined;
  return (
    <FormDialog
      form={form}
      title={t("messages.segments.save.title")}
      description={t("messages.segments.save.description")}
      contentClassName="sm:max-w-lg"
      pending={save.isPending}
      error={formError}
      onClose={onClose}
      submitLabel={t("messages.segments.save.submit")}
      onSubmit={form.handleSubmit(({ name }) => {
        setFormError(null);
        save.mutate({ name, filter });
      })}
    >
      <TextField control={form.control} name="name" label={t("messages.segments.save.name")} input={{ maxLength: 100, autoFocus: true, disabled: save.isPending }} />
      <div className="grid gap-2 text-sm">
        <span className="font-medium">{t("messages.segments.save.filters")}</span>
        <span className="flex flex-wrap gap-1">
          {describe(filter).map((part) => (
            <Badge key={part} variant="outline" className="font-normal">
              {part}
            </Badge>
          ))}
        </span>
        {dropped && <span className="text-muted-foreground">{t("messages.segments.save.notSaved")}</span>}
      </div>
    </FormDialog>
  );
}
