import { MAX_PAYLOAD_BYTES } from "@/lib/scim-limits";

export type BoundedBody = { body: string | null; tooLarge: boolean };

/**
 * A request body of at most MAX_PAYLOAD_BYTES, or `tooLarge` (answered 413, never parsed).
 * `pastLimit` says what happens to the rest of a larger one: "stop" cancels the stream there
 * (a fetch Request, whose server closes the connection), "drain" reads it to its end and drops
 * it, so a Node response can still be written on the same connection.
 */
export async function readBoundedBody(chunks: AsyncIterable<Uint8Array>, pastLimit: "stop" | "drain"): Promise<BoundedBody> {
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size <= MAX_PAYLOAD_BYTES) kept.push(chunk);
    else if (pastLimit === "stop") break;
  }
  if (size > MAX_PAYLOAD_BYTES) return { body: null, tooLarge: true };
  return { body: size === 0 ? null : Buffer.concat(kept).toString("utf8"), tooLarge: false };
}
