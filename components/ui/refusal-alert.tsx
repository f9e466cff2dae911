/** What a confirming dialog shows when the server refused: its reason, and that the data was reloaded. */
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

export interface Refusal {
  message: string;
  /** The record changed under the dialog and has been reloaded. */
  refreshed?: boolean;
}

export function RefusalAlert({ title, refusal, refreshedText }: { title: string; refusal: Refusal; refreshedText: string }) {
  return (
    <Alert variant="destructive" role="alert">
      <TriangleAlert aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{refusal.message}</p>
        {refusal.refreshed && <p>{refreshedText}</p>}
      </AlertDescription>
    </Alert>
  );
}

/** Ctrl/⌘+Enter confirms from a note field; plain Enter stays a new line. */
export const confirmOnCtrlEnter = (confirm: () => void) => (event: React.KeyboardEvent) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    confirm();
  }
};
