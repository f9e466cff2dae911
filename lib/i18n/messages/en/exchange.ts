/** Settings → Brand → Exchange (OKX): the brand's own OKX key, or the built-in simulator. */
export const exchange = {
  title: "Exchange (OKX)",
  description:
    "Where this brand's exchange calls go. Without credentials they go to the built-in OKX simulator; enter the broker account's OKX API key to use the real exchange.",
  loadError: "Could not load the exchange settings.",
  state: {
    label: "Connection",
    simulator: "Built-in simulator",
    live: "OKX · live trading",
    demo: "OKX · demo trading",
    simulatorHint: "No exchange account is needed: every exchange feature works against the simulator.",
    liveHint: "Calls go to OKX with this brand's key and move real funds.",
    demoHint: "Calls go to OKX demo trading with this brand's demo-mode key.",
  },
  apiKeyShown: "API key",
  updatedAt: "Last changed",
  never: "Never",
  lastTest: {
    label: "Last test",
    none: "Not tested yet",
    ok: "Succeeded",
    failed: "Failed",
  },
  form: {
    title: "Enter credentials",
    replaceTitle: "Replace credentials",
    description:
      "From OKX: API management of the broker's main account, with read permission. The secret key and passphrase are stored encrypted and never shown again.",
    apiKey: "API key",
    secretKey: "Secret key",
    passphrase: "Passphrase",
    passphraseHint: "The passphrase chosen when the key was created on OKX.",
    mode: "Trading mode",
    modeLive: "Live trading",
    modeDemo: "Demo trading",
    modeHint: "A key works only in the mode it was created in on OKX.",
    save: "Save credentials",
    saved: "Exchange credentials saved. Test the connection to check them.",
  },
  remove: {
    button: "Remove credentials",
    title: "Remove the exchange credentials?",
    body: "This brand's exchange calls will go to the built-in simulator again. You can enter credentials again at any time.",
    confirm: "Remove credentials",
    done: "Exchange credentials removed: using the built-in simulator",
  },
  test: {
    button: "Test connection",
    running: "Testing…",
    okSimulator: "Connected to the built-in simulator in {ms} ms.",
    okLive: "Connected to OKX (live trading) in {ms} ms.",
    okDemo: "Connected to OKX (demo trading) in {ms} ms.",
    failed: "Connection failed",
    code: "Exchange code {code}",
    failure: {
      auth: "The exchange refused the key: check the API key, secret key, passphrase and the live/demo mode.",
      transient: "The exchange did not answer or is temporarily unavailable. Try again in a minute.",
      transientSimulator: "The built-in simulator did not answer. Is it running? npm start starts it.",
      rate_limited: "The exchange is rate limiting this key. Wait a few seconds and test again.",
      parameter: "The exchange refused the test request itself. This is a Brokerdesk problem: please report it.",
      permanent: "The exchange refused the request: check that the key belongs to the broker's main account and has read permission.",
      credentials: "The stored credentials can no longer be decrypted (the server's encryption key changed). Enter them again.",
    },
  },
  readOnly: "Only admins can change the exchange credentials or test the connection.",
  invalid: {
    apiKey: "Enter the API key: up to 64 letters, digits and dashes.",
    secretKey: "Enter the secret key: up to 128 characters, no spaces.",
    passphrase: "8 to 32 characters with a digit, an upper-case and a lower-case letter and a special character, no spaces.",
    mode: "Choose live or demo trading.",
  },
  /**
   * Server refusals (AppError reasons), shown in the reader's language. {msg} and {code} are the exchange's
   * own message and error code, {endpoint} the client's name for the call; "NoMessage" variants are for an
   * answer without a message.
   */
  errors: {
    rateLimited: "The exchange is rate limiting {endpoint}; try again shortly",
    parameterRefused: "The exchange refused the request: {msg} (OKX {code})",
    parameterRefusedNoMessage: "The exchange refused the request: no message (OKX {code})",
    credentialsRefused: "The exchange refused the brand's credentials: {msg} (OKX {code})",
    credentialsRefusedNoMessage: "The exchange refused the brand's credentials: no message (OKX {code})",
    unavailable: "The exchange is temporarily unavailable: {msg} (OKX {code})",
    unavailableNoMessage: "The exchange is temporarily unavailable: no message (OKX {code})",
    outcomeUnknown: "The exchange did not answer in time and the request may have succeeded; check before retrying ({code})",
    requestRefused: "The exchange refused the request: {msg} (OKX {code})",
    requestRefusedNoMessage: "The exchange refused the request: no message (OKX {code})",
    credentialsUnreadable:
      "The brand's stored exchange credentials cannot be decrypted (was ENCRYPTION_KEY changed?): enter them again in Brand settings",
    /** The brand's OKX key refused by its schema (lib/brands/schemas.ts), per field and rule. */
    credentialsInvalid: {
      apiKeyMissing: "Enter the API key",
      apiKeyTooLong: "API key: at most 64 characters",
      apiKeyFormat: "API key: letters, digits and dashes only, like 8a1b…-…",
      secretKeyMissing: "Enter the secret key",
      secretKeyTooLong: "Secret key: at most 128 characters",
      secretKeyFormat: "Secret key: no spaces",
      passphraseLength: "Passphrase: 8 to 32 characters",
      passphraseComplexity: "Passphrase: needs a digit, an upper-case and a lower-case letter and a special character, no spaces",
      mode: "Choose live or demo trading",
      other: "Invalid exchange credentials",
    },
  },
} as const;
