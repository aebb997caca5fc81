const precise = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A timestamp to the second, in UTC like every console time: for logs where order matters. */
export function formatPreciseDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${precise.format(new Date(value))} UTC`;
}
