"use client";
/** Picks one of the brand's customer groups, or none. Props from <FormControl> land on the trigger. */
import { useQuery } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import { useTRPC } from "@/lib/trpc/client";

/** Radix selects need a non-empty value for "no group". */
const NO_GROUP = "__none__";

interface GroupSelectProps extends Omit<ComponentProps<typeof SelectTrigger>, "value" | "onChange"> {
  value: string | null;
  onChange: (groupId: string | null) => void;
  disabled?: boolean;
}

export function GroupSelect({ value, onChange, disabled, className, ...triggerProps }: GroupSelectProps) {
  const t = useT();
  const trpc = useTRPC();
  const groups = useQuery(trpc.customerGroup.list.queryOptions(undefined, { staleTime: 60_000 }));
  return (
    <Select value={value ?? NO_GROUP} onValueChange={(next) => onChange(next === NO_GROUP ? null : next)} disabled={disabled}>
      <SelectTrigger className={className ?? "w-full"} {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NO_GROUP}>{t("customers.noGroup")}</SelectItem>
        {(groups.data?.length ?? 0) > 0 && <SelectSeparator />}
        {groups.data?.map((group) => (
          <SelectItem key={group.id} value={group.id}>
            {group.name}
          </SelectItem>
        ))}
        {/* A group deleted meanwhile still shows as the current choice instead of a blank box. */}
        {value && groups.data && !groups.data.some((group) => group.id === value) && (
          <SelectItem value={value} disabled>
            {t("customers.unknownGroup")}
          </SelectItem>
        )}
      </SelectContent>
    </Select>
  );
}
