import { z } from "zod";

/**
 * A change event's public id: its writer's transaction id and its row id, each as 16 hex
 * digits. The feed's order is (transaction id, row id), so ids compare as plain strings in
 * feed order, and an id is also the position to read after.
 */
export type EventPosition = { txId: number; id: number };

const hex16 = (n: number) => n.toString(16).padStart(16, "0");

export function eventIdOf(position: EventPosition): string {
  return `${hex16(position.txId)}${hex16(position.id)}`;
}

export const eventIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, "after must be an event id: 32 hexadecimal digits, as an event's id or a response's next")
  .transform((value): EventPosition => ({ txId: Number.parseInt(value.slice(0, 16), 16), id: Number.parseInt(value.slice(16), 16) }));
