import { isCommonAttribute } from "./schemas/common-attributes";
import { groupSchemas, userSchemas } from "./schemas/lookup";
import type { ResourceSchemas, SchemaDef } from "./schemas/types";
import { RESOURCE_TYPE_SCHEMA, SCHEMA_SCHEMA, SERVICE_PROVIDER_CONFIG_SCHEMA } from "./schemas/urns";

/**
 * The discovery documents of RFC 7644 section 4 (/ServiceProviderConfig, /ResourceTypes,
 * /Schemas), shaped as RFC 7643 sections 5, 6 and 7 define them. They advertise exactly what
 * this server does; `baseUrl` is the integration's SCIM root, e.g.
 * `https://app.example/api/scim/v2/acme-entra`.
 */

export type ServiceProviderConfigOptions = {
  baseUrl: string;
  maxResults: number;
  maxPayloadBytes: number;
  maxOperations: number;
  etag: true;
};

export function serviceProviderConfig(opts: ServiceProviderConfigOptions) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    // Bulk is not supported. Its two limits are REQUIRED by RFC 7643 section 5 even then;
    // they state the limits every request meets here (PATCH operations, body size).
    bulk: { supported: false, maxOperations: opts.maxOperations, maxPayloadSize: opts.maxPayloadBytes },
    filter: { supported: true, maxResults: opts.maxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: opts.etag },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "The integration's secret token sent as 'Authorization: Bearer <token>'.",
        specUri: "https://www.rfc-editor.org/info/rfc6750",
        primary: true,
      },
      {
        type: "httpbasic",
        name: "HTTP Basic",
        description: "The integration's app key and secret token sent as HTTP Basic credentials.",
        specUri: "https://www.rfc-editor.org/info/rfc7617",
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${trimSlash(opts.baseUrl)}/ServiceProviderConfig` },
  };
}

export type DiscoveryOptions = { baseUrl: string; groupsEnabled: boolean };

/** User always, Group only when the integration takes groups. */
export function resourceTypes(opts: DiscoveryOptions) {
  const base = trimSlash(opts.baseUrl);
  const types = [
    resourceType(base, "User", "/Users", "User Account", userSchemas),
    ...(opts.groupsEnabled ? [resourceType(base, "Group", "/Groups", "Group", groupSchemas)] : []),
  ];
  return types;
}

/**
 * The /Schemas representations (RFC 7643 section 7). The common attributes id, externalId
 * and meta are left out, as in section 8.7.1: section 3.1 defines them for every resource
 * outside any schema (our schema definitions carry them only so lookups can resolve them).
 */
export function schemaDocuments(opts: DiscoveryOptions) {
  const base = trimSlash(opts.baseUrl);
  const schemas: SchemaDef[] = [
    userSchemas.core,
    ...userSchemas.extensions,
    ...(opts.groupsEnabled ? [groupSchemas.core, ...groupSchemas.extensions] : []),
  ];
  return schemas.map((schema) => ({
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.filter((attribute) => !isCommonAttribute(attribute.name)),
    meta: { resourceType: "Schema", location: `${base}/Schemas/${schema.id}` },
  }));
}

function resourceType(base: string, name: string, endpoint: string, description: string, schemas: ResourceSchemas) {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: name,
    name,
    endpoint,
    description,
    schema: schemas.core.id,
    ...(schemas.extensions.length > 0
      ? { schemaExtensions: schemas.extensions.map((extension) => ({ schema: extension.id, required: false })) }
      : {}),
    meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${name}` },
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
