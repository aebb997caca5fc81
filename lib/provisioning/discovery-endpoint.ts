import { methodNotAllowed, notFound } from "@/lib/scim/errors";
import { listResponse } from "@/lib/scim/list-response";
import { resourceTypes, schemaDocuments, serviceProviderConfig } from "@/lib/scim/discovery";
import { MAX_OPERATIONS, MAX_PAYLOAD_BYTES, MAX_RESULTS } from "@/lib/scim-limits";
import type { ScimContext, ScimResponse } from "./scim-request";
import type { ScimRoute } from "./scim-route";

/** /ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 section 4): what works, exactly. */
export async function discoveryEndpoint(context: ScimContext, route: ScimRoute): Promise<ScimResponse> {
  if (context.request.method !== "GET") throw methodNotAllowed(context.request.method, ["GET"]);
  const options = { baseUrl: context.baseUrl, groupsEnabled: context.integration.settings.groupsEnabled };
  if (route.resource === "ServiceProviderConfig") {
    const body = serviceProviderConfig({
      baseUrl: context.baseUrl,
      maxResults: MAX_RESULTS,
      maxPayloadBytes: MAX_PAYLOAD_BYTES,
      maxOperations: MAX_OPERATIONS,
      etag: true,
    });
    return { status: 200, headers: {}, body };
  }
  const documents: { id: string; name?: string }[] =
    route.resource === "ResourceTypes" ? resourceTypes(options) : schemaDocuments(options);
  if (route.id) {
    const one = documents.find((d) => d.id === route.id || d.name === route.id);
    if (!one) throw notFound(`No ${route.resource === "Schemas" ? "schema" : "resource type"} "${route.id}"`);
    return { status: 200, headers: {}, body: one };
  }
  return { status: 200, headers: {}, body: listResponse(documents, { totalResults: documents.length, startIndex: 1 }) };
}
