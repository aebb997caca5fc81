/**
 * xsd:dateTime as RFC 7643 section 2.3.5 requires for SCIM dateTime values, e.g.
 * `2011-05-13T04:42:34Z` or `2011-05-13T04:42:34.123+02:00`. A value without a zone is
 * taken as UTC, so the in-memory matcher and PostgreSQL read it the same way.
 */
export type ScimDateTime = {
  /** Milliseconds since the epoch, with any sub-millisecond digits as a fraction. */
  epochMs: number;
  /** The value with an explicit zone, safe to cast to timestamptz. */
  text: string;
};

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;

/** The instant `text` names, or undefined when it is not a valid xsd:dateTime. */
export function parseDateTime(text: string): ScimDateTime | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const zone = match[8] ?? "Z";
  const offsetMinutes = zone === "Z" ? 0 : zoneOffset(zone);
  // Year 0000 is not an xsd:dateTime year (XML Schema 1.0, 3.2.7) and PostgreSQL has none.
  if (offsetMinutes === undefined || year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const daysInMonth = utc(year, month, 0).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  const fraction = match[7] ? Number(`0${match[7]}`) * 1000 : 0;
  const epochMs = utc(year, month - 1, day).getTime() + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction;
  return { epochMs, text: match[8] ? text : `${text}Z` };
}

/** Date.UTC reads years 0 to 99 as 1900 to 1999; setUTCFullYear takes the year as written. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function zoneOffset(zone: string): number | undefined {
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
