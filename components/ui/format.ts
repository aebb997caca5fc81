const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A timestamp as the console shows it: one zone (UTC) for everyone, so support can compare. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${dateTime.format(new Date(value))} UTC`;
}

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A day as the console shows it, in UTC like every timestamp: "12 Jan 2027". */
export function formatDate(value: Date | string): string {
  return date.format(new Date(value));
}
