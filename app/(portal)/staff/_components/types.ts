/** What the staff table's row menu can ask for; destructive kinds open a confirmation first. */
import type { StaffRow } from "@/server/staff/service";

export type { StaffRow };

export type StaffAction = "edit" | "enable" | "disable" | "resetPassword" | "resetTotp" | "unlock";
export type ConfirmKind = Extract<StaffAction, "disable" | "resetPassword" | "resetTotp">;

export type StaffDialogState =
  | { kind: "create" }
  | { kind: "edit"; user: StaffRow }
  | { kind: "confirm"; action: ConfirmKind; user: StaffRow }
  | { kind: "password"; reason: "created" | "reset"; user: Pick<StaffRow, "name" | "email">; password: string };
