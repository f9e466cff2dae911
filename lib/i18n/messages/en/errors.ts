/**
 * Refusals every area can meet: the reasons of the guard (sign in, permission, brand, password) and one
 * generic reason per error code, used when a service names no reason of its own. A domain's own reasons
 * live in its namespace under `errors` (e.g. `kyc.errors.staleVersion`). The server words its messages
 * from these English texts; the browser shows the reader's language (lib/trpc/errors.ts).
 */
export const errors = {
  signIn: "Please sign in",
  forbidden: "You do not have permission to do this",
  chooseBrand: "Choose a brand first",
  changePassword: "Set a new password before continuing",
  notFound: {
    subAccount: "Sub-account not found",
    customer: "Customer not found",
    apiKey: "API key not found",
    campaign: "Campaign not found",
    brand: "Brand not found",
    application: "Application not found",
    customerGroup: "Customer group not found",
    grant: "Grant not found",
    batch: "Batch not found",
    tradingAccount: "Trading account not found",
    fundLock: "Fund lock not found",
    documentFile: "Document file not found",
    document: "Document not found",
    reason: "Reason not found",
    staffMember: "Staff member not found",
    job: "Job not found",
    export: "Export not found",
    queue: "Queue not found",
    partnerKey: "Partner key not found",
    message: "Message not found",
    template: "Template not found",
    segment: "Segment not found",
    announcement: "Announcement not found",
    rebateFile: "Rebate file not found",
    route: "There is no such endpoint",
  },
  unreachable: "The server could not be reached; check the connection and try again",
  databaseUnavailable: "The service is briefly unavailable; try again in a moment",
  crossOrigin: "This request came from another site and was refused",
  bodyTooLarge: "The request is larger than {max} KB",
  internal: "Something went wrong. The error has been logged.",
  invalidInput: "Check the highlighted fields and try again",
  invalidField: "Check the field “{field}” and try again",
  /** A list's page link (cursor) that cannot be read, or that was made for another order of the list. */
  invalidCursor: "Invalid page cursor",
  staleCursor: "This page link no longer matches the list; go back to the first page",
  upload: {
    notMultipart: "Send the file as multipart/form-data",
    unreadable: "The upload could not be read; choose the file and try again",
    noFile: "Choose a file",
  },
  generic: {
    NOT_FOUND: "It no longer exists, or you cannot see it",
    FORBIDDEN: "You do not have permission to do this",
    UNAUTHORIZED: "Please sign in",
    CONFLICT: "It was changed meanwhile; reload and try again",
    VALIDATION: "Check the input and try again",
    RATE_LIMITED: "Too many requests; wait a moment and try again",
    EXCHANGE_ERROR: "The exchange did not answer as expected; try again later",
    UNAVAILABLE: "The service is briefly unavailable; try again in a moment",
  },
} as const;
