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

/**
 * A timestamp to the second, in UTC like every console time: for logs where order matters.
 * `zone: false` leaves " UTC" off, for a column whose header says it once.
 */
export function formatPreciseDateTime(value: Date | string | null | undefined, options: { zone?: boolean } = {}): string {
  if (!value) return "—";
  const text = precise.format(new Date(value));
  return options.zone === false ? text : `${text} UTC`;
}
