import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi-document";

const API_DIR = join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Every route.ts under app/api/v1 with the OpenAPI path its folder serves ([id] is {id}). */
function routeFiles(dir = API_DIR): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const folders = relative(API_DIR, dir).split(sep).filter(Boolean);
    return [{ file: full, path: `/api/v1/${folders.map((f) => f.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}` }];
  });
}

type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; security?: unknown[] };
const document = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => (key === "$ref" && typeof v === "string" ? [v] : refsIn(v)));
  }
  return [];
}

describe("the /api/v1 OpenAPI document", () => {
  const routes = routeFiles();

  it("documents every method of every route under app/api/v1, and nothing else", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      const handlers = (await import(route.file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof handlers[m] === "function").map((m) => m.toLowerCase());
      expect(exported.length, route.file).toBeGreaterThan(0);
      expect(Object.keys(document.paths[route.path] ?? {}).sort(), route.path).toEqual(exported.sort());
    }
    expect(Object.keys(document.paths).sort()).toEqual(routes.map((r) => r.path).sort());
  });

  it("is OpenAPI 3.1 whose every reference resolves to a component schema", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas, ref).toHaveProperty([ref.slice("#/components/schemas/".length)]);
    }
    expect(JSON.stringify(document)).not.toMatch(/"\$(defs|schema|id)"/);
  });

  it("documents each keyed operation's errors as JSON {code, message} and each path parameter", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const operation = item.get;
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(operation.parameters, path).toContainEqual(expect.objectContaining({ name: name.slice(1, -1), in: "path" }));
      }
      if (operation.security?.length === 0) continue;
      for (const status of ["200", "401", "429", "500"]) expect(operation.responses, path).toHaveProperty([status]);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status !== "200") expect(response.content?.["application/json"].schema, `${path} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
    expect(document.paths["/api/v1/events"].get.responses).toHaveProperty(["410"]);
    expect(document.paths["/api/v1/people/{id}"].get.responses).toHaveProperty(["404"]);
  });

  it("is served without a key", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
