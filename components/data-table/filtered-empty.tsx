"use client";
/** A list's empty state when its filters match nothing: says so and offers to clear them. */
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function FilteredEmpty({ title, hint, clearLabel, onClear }: { title: string; hint?: string; clearLabel: string; onClear: () => void }) {
  return (
    <EmptyState
      icon={SearchX}
      className="border-0"
      title={title}
      description={hint}
      action={
        <Button variant="outline" size="sm" onClick={onClear}>
          {clearLabel}
        </Button>
      }
    />
  );
}
