"use client";
/**
 * The shell every form dialog of the portal shares: title and description, the react-hook-form provider and
 * <form noValidate>, the form-level error (what the server said that belongs to no field) as an alert, and
 * Cancel / submit buttons. While `pending`, closing (Escape, the overlay, Cancel) is ignored and the submit
 * button shows its spinner, so a request in flight is never abandoned by a stray key. With `empty` (there is
 * nothing to choose from, e.g. no account to credit), that message and a Close button take the form's place.
 *
 * `TextField` is the one-input field most forms are made of: label, input, optional hint, field message.
 * `SelectField` is its counterpart for a choice from a fixed list of options, `TextareaField` for free text,
 * `DateField` for a date or a date and time.
 */
import { TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { DatePicker, type DatePickerProps } from "@/components/ui/date-picker";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

interface FormDialogProps<V extends FieldValues, C, T extends FieldValues> {
  form: UseFormReturn<V, C, T>;
  /** For a dialog its parent keeps mounted; by default the dialog is open while rendered. */
  open?: boolean;
  title: ReactNode;
  description?: ReactNode;
  /** Called with the event; pass `form.handleSubmit(...)`. */
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  pending: boolean;
  /** The form-level error, shown above the buttons. */
  error?: string | null;
  submitLabel: ReactNode;
  /** Defaults to "Cancel". */
  cancelLabel?: ReactNode;
  submitDisabled?: boolean;
  submitVariant?: React.ComponentProps<typeof Button>["variant"];
  /** Classes of the dialog's content box (its width, e.g. "sm:max-w-xl"). */
  contentClassName?: string;
  /** Classes of the <form> (its grid, e.g. "grid gap-4 sm:grid-cols-2"). */
  className?: string;
  /** Full-width rows (the error, the buttons) span this many grid columns. */
  wide?: boolean;
  /** Shown instead of the form, with a Close button, when the form has nothing to work on. */
  empty?: ReactNode;
  children: ReactNode;
}

export function FormDialog<V extends FieldValues, C, T extends FieldValues>({
  form,
  open = true,
  title,
  description,
  onSubmit,
  onClose,
  pending,
  error,
  submitLabel,
  cancelLabel,
  submitDisabled,
  submitVariant,
  contentClassName,
  className = "grid gap-4",
  wide,
  empty,
  children,
}: FormDialogProps<V, C, T>) {
  const t = useT();
  return (
    <Dialog open={open} onOpenChange={(next) => !next && !pending && onClose()}>
      <DialogContent className={cn("max-h-[calc(100dvh-2rem)] overflow-y-auto", contentClassName)}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : <DialogDescription className="sr-only">{title}</DialogDescription>}
        </DialogHeader>
        {empty ? (
          <>
            {empty}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose}>
                {t("common.close")}
              </Button>
            </DialogFooter>
          </>
        ) : (
          <Form {...form}>
            <form noValidate className={className} onSubmit={onSubmit}>
              {children}
              {error && (
                <Alert variant="destructive" role="alert" className={cn(wide && "sm:col-span-2")}>
                  <TriangleAlert aria-hidden />
                  <AlertDescription>{error}</AlertDescription>
                </Alert>
              )}
              <DialogFooter className={cn(wide && "sm:col-span-2")}>
                <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
                  {cancelLabel ?? t("common.cancel")}
                </Button>
                <Button type="submit" variant={submitVariant} pending={pending} disabled={submitDisabled}>
                  {submitLabel}
                </Button>
              </DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** What every bound field takes: the form's control, the field's name, its label, hint and item classes. */
interface BoundFieldProps<V extends FieldValues, T> {
  control: Control<V, unknown, T>;
  name: FieldPath<V>;
  label: ReactNode;
  hint?: ReactNode;
  /** Classes of the <FormItem>. */
  className?: string;
}

/** Label, the control `render` makes from the field, optional hint and the field's message. */
function BoundField<V extends FieldValues, T>({
  control,
  name,
  label,
  hint,
  className,
  render,
}: BoundFieldProps<V, T> & { render: (field: ControllerRenderProps<V, FieldPath<V>>) => React.ReactElement }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{render(field)}</FormControl>
          {hint && <FormDescription>{hint}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** Label, input, optional hint and the field's message, bound to one form field. */
export function TextField<V extends FieldValues, T = V>({ input, ...props }: BoundFieldProps<V, T> & { input?: React.ComponentProps<typeof Input> }) {
  return <BoundField {...props} render={(field) => <Input {...input} {...field} value={(field.value as string | number | undefined) ?? ""} />} />;
}

/**
 * Label, date picker, optional hint and the field's message: a date ("2026-11-22") or, with mode
 * "datetime", a local date and time ("2026-11-22T10:05") with its time zone stated: a native input's values.
 */
export function DateField<V extends FieldValues, T = V>({ picker, ...props }: BoundFieldProps<V, T> & { picker?: Omit<DatePickerProps, "value" | "onChange"> }) {
  return <BoundField {...props} render={(field) => <DatePicker {...picker} {...field} value={(field.value as string | undefined) ?? ""} />} />;
}

/** Label, textarea, optional hint and the field's message, bound to one form field (reasons, notes). */
export function TextareaField<V extends FieldValues, T = V>({ textarea, ...props }: BoundFieldProps<V, T> & { textarea?: React.ComponentProps<typeof Textarea> }) {
  return <BoundField {...props} render={(field) => <Textarea {...textarea} {...field} value={(field.value as string | undefined) ?? ""} />} />;
}

/** One choice of a `SelectField`. */
export interface SelectOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
}

interface SelectFieldProps<V extends FieldValues, T> {
  control: Control<V, unknown, T>;
  name: FieldPath<V>;
  label: ReactNode;
  options: readonly SelectOption[];
  placeholder?: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Classes of the <FormItem>. */
  className?: string;
  /** Classes of the trigger, on top of "w-full". */
  triggerClassName?: string;
  /** Called with the chosen value after the field has taken it. */
  onValueChange?: (value: string) => void;
}

/** Label, select of the given options, optional hint and the field's message, bound to one form field. */
export function SelectField<V extends FieldValues, T = V>({
  control,
  name,
  label,
  options,
  placeholder,
  hint,
  disabled,
  autoFocus,
  className,
  triggerClassName,
  onValueChange,
}: SelectFieldProps<V, T>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <Select
            value={(field.value as string | undefined) ?? ""}
            onValueChange={(value) => {
              field.onChange(value);
              onValueChange?.(value);
            }}
            disabled={disabled}
          >
            <FormControl>
              <SelectTrigger className={cn("w-full", triggerClassName)} ref={field.ref} onBlur={field.onBlur} autoFocus={autoFocus}>
                <SelectValue placeholder={placeholder} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {options.map((option) => (
                <SelectItem key={option.value} value={option.value} disabled={option.disabled}>
                  {option.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {hint && <FormDescription>{hint}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
