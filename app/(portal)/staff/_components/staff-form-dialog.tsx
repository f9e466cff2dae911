"use client";
/**
 * Create and edit dialogs for staff members. Their schemas come from the procedures' own inputs
 * (server/staff/schemas), so the form and the server validate the same rules; messages are translated
 * per field here, and errors the server reports for a field (e.g. email already used) land on it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm, useFormContext, type FieldValues, type UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { FormDialog, TextField } from "@/components/form-dialog";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useTRPC } from "@/lib/trpc/client";
import { BRAND_ROLES } from "@/lib/auth/permissions";
import { ZCreateStaffInput, ZUpdateStaffInput } from "@/lib/staff/schemas";
import type { StaffRow } from "./types";

const ZCreateForm = ZCreateStaffInput;
const ZEditForm = ZUpdateStaffInput.pick({ name: true, role: true });
type CreateValues = z.input<typeof ZCreateForm>;
type EditValues = z.input<typeof ZEditForm>;
type NameAndRoleValues = Pick<CreateValues, "name" | "role">;

const MESSAGES: FieldMessages<CreateValues> = {
  invalid: { email: "staff.form.invalid.email", name: "staff.form.invalid.name", role: "staff.form.invalid.role" },
  refused: { email: "staff.form.refused.email" },
};
const EDIT_MESSAGES: FieldMessages<EditValues> = { invalid: { name: MESSAGES.invalid.name, role: MESSAGES.invalid.role } };

/** Server errors on their field; what belongs to no field goes above the buttons. */
function showServerError<T extends FieldValues, TOut>(form: UseFormReturn<T, unknown, TOut>, error: unknown, messages: FieldMessages<T>, t: Translate) {
  const unplaced = applyServerErrors(form.setError, error, messages, t);
  if (unplaced) form.setError("root.server", { type: "server", message: unplaced });
}

export function CreateStaffDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: StaffRow, password: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<CreateValues, unknown, z.output<typeof ZCreateForm>>({
    resolver: useLocalizedResolver(zodResolver(ZCreateForm), MESSAGES),
    defaultValues: { email: "", name: "" },
  });
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: ({ user, temporaryPassword }) => {
        toast.success(t("staff.toast.created", { name: user.name }));
        onCreated(user, temporaryPassword);
        return queryClient.invalidateQueries(trpc.staff.list.queryFilter());
      },
      onError: (error) => showServerError(form, error, MESSAGES, t),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("staff.form.createTitle")}
      description={t("staff.form.createDescription")}
      pending={create.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={t("staff.form.create")}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <TextField control={form.control} name="email" label={t("staff.form.email")} input={{ type: "email", autoComplete: "off", autoFocus: true }} />
      <NameAndRole />
    </FormDialog>
  );
}

export function EditStaffDialog({ user, isSelf, onClose }: { user: StaffRow; isSelf: boolean; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<EditValues, unknown, z.output<typeof ZEditForm>>({
    resolver: useLocalizedResolver(zodResolver(ZEditForm), EDIT_MESSAGES),
    // A platform admin row cannot be re-assigned here: the select then starts empty and must be chosen.
    defaultValues: { name: user.name, role: BRAND_ROLES.find((r) => r === user.role) },
  });
  const update = useMutation(
    trpc.staff.update.mutationOptions({
      onSuccess: (updated) => {
        toast.success(t("staff.toast.updated", { name: updated.name }));
        onClose();
        return queryClient.invalidateQueries(trpc.staff.list.queryFilter());
      },
      onError: (error) => showServerError(form, error, EDIT_MESSAGES, t),
    }),
  );

  return (
    <FormDialog
      form={form}
      title={t("staff.form.editTitle", { name: user.name })}
      description={
        <>
          <span className="font-mono">{user.email}</span> · {t("staff.form.editDescription")}
        </>
      }
      pending={update.isPending}
      error={form.formState.errors.root?.server?.message}
      onClose={onClose}
      submitLabel={t("staff.form.save")}
      submitDisabled={!form.formState.isDirty}
      onSubmit={form.handleSubmit((values) => update.mutate({ id: user.id, ...values }))}
    >
      <NameAndRole roleLocked={isSelf} autoFocus />
    </FormDialog>
  );
}

/** Fields both dialogs share; reads the surrounding <Form>. */
function NameAndRole({ roleLocked, autoFocus }: { roleLocked?: boolean; autoFocus?: boolean }) {
  const t = useT();
  const form = useFormContext<NameAndRoleValues>();
  return (
    <>
      <TextField control={form.control} name="name" label={t("staff.form.name")} input={{ autoComplete: "off", autoFocus }} />
      <FormField
        control={form.control}
        name="role"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("staff.form.role")}</FormLabel>
            <Select value={field.value ?? ""} onValueChange={field.onChange} disabled={roleLocked}>
              <FormControl>
                <SelectTrigger className="w-full" onBlur={field.onBlur} ref={field.ref}>
                  <SelectValue placeholder={t("staff.form.rolePlaceholder")} />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                {BRAND_ROLES.map((role) => (
                  <SelectItem key={role} value={role}>
                    {t(`shell.roles.${role}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            {roleLocked && <p className="text-xs text-muted-foreground">{t("staff.form.ownRole")}</p>}
            <FormMessage />
          </FormItem>
        )}
      />
    </>
  );
}
