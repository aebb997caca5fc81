import { z } from "zod";

/**
 * Fields of service input schemas that take both a typed value (CLI, tests) and what an HTML
 * form sends for it, so a console action passes the service's own schema to its wrapper.
 */

/** A boolean, or a checkbox: a ticked one sends "on", an unticked one sends nothing. */
export const checkbox = z
  .union([z.boolean(), z.literal("on")])
  .optional()
  .transform((value) => value === true || value === "on");

function endOfDay(day: string): Date | string {
  const date = new Date(`${day}T23:59:59.999Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? date : day;
}

/**
 * A moment, or a day from <input type="date"> meaning the end of that day (UTC); empty or
 * absent is null: no expiry.
 */
export const expiryDate = z.preprocess(
  (value) => (value === "" ? null : typeof value === "string" ? endOfDay(value) : value),
  z.date({ error: "Enter a date such as 2027-01-31" }).nullable().default(null),
);
