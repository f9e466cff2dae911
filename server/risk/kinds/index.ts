/** The registry of risk-limit kinds: add a kind here (and to RISK_KINDS in lib/risk/schemas.ts). */
import "server-only";
import type { RiskKindKey } from "@/lib/risk/schemas";
import { concentrationKind, exposureKind, marginRatioKind } from "./exposure";
import { bonusCredit } from "./bonus";
import { depositThenWithdraw } from "./deposit-withdraw";
import { depositAmount, depositCount } from "./deposits";
import type { RiskKind } from "./types";
import { withdrawalDaily, withdrawalSingle } from "./withdrawals";

export const RISK_KIND_REGISTRY: Record<RiskKindKey, RiskKind> = {
  withdrawal_single: withdrawalSingle,
  withdrawal_daily: withdrawalDaily,
  exposure: exposureKind,
  margin_ratio: marginRatioKind,
  concentration: concentrationKind,
  deposit_count: depositCount,
  deposit_amount: depositAmount,
  deposit_then_withdraw: depositThenWithdraw,
  bonus_credit: bonusCredit,
};

export const kindOf = (key: string): RiskKind | undefined => RISK_KIND_REGISTRY[key as RiskKindKey];
