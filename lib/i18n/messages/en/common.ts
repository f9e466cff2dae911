export const common = {
  appName: "Brokerdesk",
  save: "Save",
  cancel: "Cancel",
  confirm: "Confirm",
  close: "Close",
  create: "Create",
  edit: "Edit",
  delete: "Delete",
  actions: "Actions",
  loading: "Loading…",
  empty: "Nothing here yet.",
  error: "Something went wrong.",
  retry: "Retry",
  yes: "Yes",
  no: "No",
  copy: "Copy",
  copied: "Copied",
  search: "Search",
  export: "Export CSV",
  /** The date picker (components/ui/date-picker.tsx). */
  datePicker: {
    openCalendar: "Open calendar",
    datePlaceholder: "e.g. {example}",
    time: "Time (24-hour)",
    timePlaceholder: "HH:mm",
    timezone: "Time zone: {zone}",
  },
  /** The file input (components/ui/file-input.tsx). */
  fileInput: {
    choose: "Choose file",
    chooseMany: "Choose files",
    none: "No file chosen",
    many: "{count} files chosen",
  },
  /** Shown on a form field whose value fails a check the form names no message for. */
  /** The toasts' region and close button, for screen readers. */
  toasts: { region: "Notifications", close: "Close notification" },
  invalidValue: "Check this value",
} as const;
