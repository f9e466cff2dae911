"use client";
/**
 * Create and edit dialogs for staff members. Their schemas come from the procedures' own inputs
 * (server/staff/schemas), so the form and the server validate the same rules; messages are translated
 * per field here, and errors the server reports for a field (e.g. email already used) land on it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useForm, useFormContext, type FieldValues, type UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { applyServerErrors, useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useTRPC } from "@/lib/trpc/client";
import { BRAND_ROLES } from "@/server/auth/permissions";
import { ZCreateStaffInput, ZUpdateStaffInput } from "@/server/staff/schemas";
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
    <Dialog open onOpenChange={(open) => !open && !create.isPending && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("staff.form.createTitle")}</DialogTitle>
          <DialogDescription>{t("staff.form.createDescription")}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("staff.form.email")}</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="off" autoFocus {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <NameAndRole />
            <RootError message={form.formState.errors.root?.server?.message} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={create.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" pending={create.isPending}>
                {t("staff.form.create")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
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
    <Dialog open onOpenChange={(open) => !open && !update.isPending && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("staff.form.editTitle", { name: user.name })}</DialogTitle>
          <DialogDescription>
            <span className="font-mono">{user.email}</span> · {t("staff.form.editDescription")}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => update.mutate({ id: user.id, ...values }))}
          >
            <NameAndRole roleLocked={isSelf} autoFocus />
            <RootError message={form.formState.errors.root?.server?.message} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose} disabled={update.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" pending={update.isPending} disabled={!form.formState.isDirty}>
                {t("staff.form.save")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

/** Fields both dialogs share; reads the surrounding <Form>. */
function NameAndRole({ roleLocked, autoFocus }: { roleLocked?: boolean; autoFocus?: boolean }) {
  const t = useT();
  const form = useFormContext<NameAndRoleValues>();
  return (
    <>
      <FormField
        control={form.control}
        name="name"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("staff.form.name")}</FormLabel>
            <FormControl>
              <Input autoComplete="off" autoFocus={autoFocus} {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
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

function RootError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert variant="destructive" role="alert">
      <TriangleAlert aria-hidden />
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}
