import { openApiDocument } from "@/lib/api-v1/openapi-document";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1; no key needed to read it. */
export function GET() {
  return Response.json(openApiDocument());
}
