import { invalidSyntax, ScimError } from "@/lib/scim/errors";
import { MAX_PAYLOAD_BYTES, type ScimRequest } from "./scim-request";

/**
 * The JSON body of a write. application/scim+json is the RFC's type (RFC 7644 section 3.1);
 * application/json and a missing type are accepted too, since clients send both.
 */
export function readJsonBody(request: ScimRequest): unknown {
  if (request.body === null || request.body.trim() === "") throw invalidSyntax("The request has no body; send a JSON object");
  if (Buffer.byteLength(request.body) > MAX_PAYLOAD_BYTES) {
    throw new ScimError(413, undefined, `The body is larger than ${MAX_PAYLOAD_BYTES} bytes`);
  }
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type && type !== "application/json" && type !== "application/scim+json" && !type.endsWith("+json")) {
    throw new ScimError(415, undefined, `Content-Type ${type} is not accepted; send application/scim+json`);
  }
  try {
    return JSON.parse(request.body);
  } catch (error) {
    throw invalidSyntax(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
