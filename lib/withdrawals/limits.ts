/**
 * Withdrawal limits that are not the brand's to set: what each KYC level may withdraw (in USDT value),
 * and the brand settings a brand starts with. Client-safe: the settings card shows them.
 *
 * Why these numbers: level 0 has proven nothing, so it withdraws nothing; level 1 (identity) is a retail
 * customer's everyday amount; level 2 (address and more) a serious trader's; level 3 (four-eyes reviewed)
 * is limited mostly by the brand's own limits.
 */
export interface LevelLimit {
  level: number;
  /** Decimal strings, USDT value. */
  perWithdrawal: string;
  perDay: string;
}

export const KYC_WITHDRAWAL_LIMITS: readonly LevelLimit[] = [
  { level: 0, perWithdrawal: "0", perDay: "0" },
  { level: 1, perWithdrawal: "2000", perDay: "5000" },
  { level: 2, perWithdrawal: "50000", perDay: "100000" },
  { level: 3, perWithdrawal: "500000", perDay: "1000000" },
];

export const kycLimitOf = (level: number): LevelLimit =>
  KYC_WITHDRAWAL_LIMITS.find((l) => l.level === level) ?? KYC_WITHDRAWAL_LIMITS[KYC_WITHDRAWAL_LIMITS.length - 1]!;

/** A brand without settings of its own. The threshold is low on purpose: approval is the safe default. */
export const DEFAULT_WITHDRAWAL_SETTINGS = {
  perWithdrawalLimit: "100000",
  dailyLimit: "200000",
  approvalThreshold: "1000",
  coolingOffHours: 24,
} as const;

/** Currencies counted 1:1 as USDT; any other is valued at its <CCY>-USDT last price. */
export const USD_STABLES: readonly string[] = ["USDT", "USDC", "USD"];
