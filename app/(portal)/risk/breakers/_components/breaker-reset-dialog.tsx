"use client";
/** Closing one breaker by hand: what it does, and a required reason (audited). */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormDialog, TextareaField } from "@/components/form-dialog";
import { ZBreakerResetInput, type BreakerResetInput } from "@/lib/breakers/schemas";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";
import { describeTrpcError } from "@/lib/trpc/errors";
import { useFamilyName } from "./family-name";

const MESSAGES: FieldMessages<BreakerResetInput> = { invalid: { reason: "exchange.breakers.reset.reasonInvalid" } };

export function BreakerResetDialog({ family, onClose }: { family: string; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const familyName = useFamilyName();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BreakerResetInput>({ resolver: useLocalizedResolver(zodResolver(ZBreakerResetInput), MESSAGES), defaultValues: { family, reason: "" } });
  const mutation = useMutation(
    trpc.breaker.reset.mutationOptions({
      onSuccess: async () => {
        toast.success(t("exchange.breakers.reset.done"));
        await queryClient.invalidateQueries(trpc.breaker.pathFilter());
        onClose();
      },
      onError: (error) => {
        const { message, field } = describeTrpcError(error, t);
        if (field === "reason") form.setError("reason", { type: "server", message }, { shouldFocus: true });
        else setFormError(message);
      },
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("exchange.breakers.reset.title", { family: familyName(family) })}
      description={t("exchange.breakers.reset.warning")}
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        mutation.mutate(values);
      })}
      onClose={onClose}
      pending={mutation.isPending}
      error={formError}
      submitLabel={t("exchange.breakers.reset.confirm")}
    >
      <TextareaField control={form.control} name="reason" label={t("exchange.breakers.reset.reason")} textarea={{ rows: 3, autoFocus: true }} />
    </FormDialog>
  );
}
