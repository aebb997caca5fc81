import { z } from "zod";
import { API_KEY_BURST, API_KEY_RATE_PER_SECOND } from "@/lib/api-keys/authenticate-api-key";
import { apiComponents, apiEndpoints, type ApiEndpoint, type ErrorStatus } from "./api-endpoints";

type JsonSchema = Record<string, unknown>;

const errorDescriptions: Record<ErrorStatus | 401 | 429 | 500, string> = {
  400: "bad_input: a query parameter is malformed or unknown; the message names it",
  401: "unauthorized: no key, or an unknown or revoked one",
  404: "not_found: no such resource in the key's tenant",
  410: "cursor_expired: retention removed events after this position; read again without after",
  429: "rate_limited: past the key's allowance; retry after Retry-After seconds",
  500: "internal_error: a fault on our side; the message holds a reference for support",
};

const uri = (id: string) => `#/components/schemas/${id}`;

/** A schema without the keywords JSON Schema puts on a standalone document. */
function embedded(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id"));
}

/**
 * components.schemas from `apiComponents`, each named schema referenced (never copied) where
 * another uses it. Response schemas describe what is sent (`io: output`).
 */
function componentSchemas(): { refs: Map<z.ZodType, string>; schemas: Record<string, JsonSchema> } {
  const registry = z.registry<{ id: string }>();
  const refs = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(apiComponents)) {
    registry.add(schema, { id });
    refs.set(schema, id);
  }
  const { schemas } = z.toJSONSchema(registry, { uri, io: "output" });
  return { refs, schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema as JsonSchema)])) };
}

/** A query or path parameter as the service parses it (`io: input`: the text a caller sends). */
function parameter(name: string, where: "query" | "path", schema: z.ZodType): JsonSchema {
  const { description, ...json } = embedded(z.toJSONSchema(schema, { io: "input" }) as JsonSchema);
  return { name, in: where, required: where === "path" || !schema.safeParse(undefined).success, description, schema: json };
}

function jsonContent(ref: string) {
  return { "application/json": { schema: { $ref: uri(ref) } } };
}

function operation(endpoint: ApiEndpoint, refs: Map<z.ZodType, string>) {
  const response = refs.get(endpoint.response);
  if (!response) throw new Error(`${endpoint.path}: its response schema is not among apiComponents`);
  const errors: (ErrorStatus | 401 | 429 | 500)[] = [...endpoint.errors, 401, 429, 500];
  return {
    summary: endpoint.summary,
    description: endpoint.description,
    parameters: [
      ...Object.entries(endpoint.pathParams ?? {}).map(([name, schema]) => parameter(name, "path", schema)),
      ...Object.entries(endpoint.query?.shape ?? {}).map(([name, schema]) => parameter(name, "query", schema as z.ZodType)),
    ],
    responses: {
      200: { description: "OK", content: jsonContent(response) },
      ...Object.fromEntries(
        errors.map((status) => [
          status,
          {
            description: errorDescriptions[status],
            content: jsonContent("Error"),
            ...(status === 401 ? { headers: { "WWW-Authenticate": { schema: { type: "string" } } } } : {}),
            ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } } : {}),
          },
        ]),
      ),
    },
  };
}

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints parse
 * their queries with and shape their answers by (apiEndpoints), so it cannot drift from
 * what is served. Built once per process: it depends on code only.
 */
function buildOpenApiDocument() {
  const { refs, schemas } = componentSchemas();
  const paths: Record<string, unknown> = Object.fromEntries(apiEndpoints.map((endpoint) => [endpoint.path, { get: operation(endpoint, refs) }]));
  paths["/api/v1/openapi.json"] = {
    get: { summary: "This document", security: [], responses: { 200: { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } } },
  };
  return {
    openapi: "3.1.1",
    info: {
      title: "SCIM console API for the target app",
      version: "1",
      description: `Read what identity providers provisioned: the change events feed, people and roles. Send an API key (Settings > API keys) as Authorization: Bearer <key>; each key may make ${API_KEY_RATE_PER_SECOND} requests a second, in bursts of ${API_KEY_BURST}.`,
    },
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A tenant's API key, shown once when created" } },
      schemas,
    },
  };
}

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function openApiDocument() {
  document ??= buildOpenApiDocument();
  return document;
}
