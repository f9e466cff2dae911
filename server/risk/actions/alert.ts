/** alert: the risk event itself is the alert; nothing is touched. */
import "server-only";
import type { RiskAction } from "./types";

export const alertAction: RiskAction = { key: "alert", undoable: false, apply: async () => [] };
