/** Customers' exchange accounts: balances, positions, orders, fills and bills read through each sub-account's own key. */
export const exchangeAccounts = {
  errors: {
    queueUnavailable: "The job queue (Redis) cannot be reached, so a refresh cannot be started now; accounts are synced again once it is back",
    noKey: {
      no_key: "This sub-account has no API key",
      no_stored_secret: "None of this sub-account's API keys was created here, so none can be used (their secrets are not kept)",
      missing_permission: "None of this sub-account's API keys has the {permission} permission",
      unreadable_secret: "This sub-account's API key can no longer be decrypted; create a new key",
    },
  },
} as const;
