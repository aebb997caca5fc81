import { isPlainObject } from "./json";
import { findAttribute, findExtension, findSchema, findSubAttribute, parseAttributeReference, resolveAttribute } from "./schemas/lookup";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./schemas/types";

/**
 * Attribute projection for responses: the `attributes` and `excludedAttributes` parameters of
 * RFC 7644 sections 3.4.2.5 and 3.9, applied with the `returned` characteristic of RFC 7643
 * section 7: "always" attributes (id, schemas) are kept even when not listed or excluded,
 * "never" ones (password) never leave, "request" ones only when listed. `meta` is "default":
 * returned unless `attributes` names other attributes only or it is excluded. Names are
 * case-insensitive, bare or URN-qualified, with `attr.sub` selecting sub-attributes.
 * Names that match no attribute are ignored.
 */
export type ProjectionOptions = { attributes?: string[]; excludedAttributes?: string[] };

/** Splits the comma-separated `attributes` / `excludedAttributes` query parameter. */
export function parseAttributeList(param: string | null | undefined): string[] {
  if (!param) return [];
  return param
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

export function projectAttributes(
  resource: Record<string, unknown>,
  schemas: ResourceSchemas,
  options: ProjectionOptions,
): Record<string, unknown> {
  let bySchemas = projectors.get(options);
  if (!bySchemas) projectors.set(options, (bySchemas = new WeakMap()));
  let project = bySchemas.get(schemas);
  if (!project) bySchemas.set(schemas, (project = attributeProjector(schemas, options)));
  return project(resource);
}

type Projector = (resource: Record<string, unknown>) => Record<string, unknown>;

/**
 * The projector of each options object: a request builds its options once and never changes
 * them, so every resource of a page (Users and Groups alike) reuses one projection's decisions.
 */
const projectors = new WeakMap<ProjectionOptions, WeakMap<ResourceSchemas, Projector>>();

/**
 * projectAttributes for many resources with one projection: what to keep of each key is
 * decided once, on its first appearance, not again for every resource.
 */
function attributeProjector(schemas: ResourceSchemas, options: ProjectionOptions): Projector {
  const plan = planProjection(schemas, options);
  const coreRules = new Map<string, Rule>();
  const extensions = new Map<string, { schema: SchemaDef; rules: Map<string, Rule> } | null>();
  const ruleOf = (schema: SchemaDef, rules: Map<string, Rule>, name: string): Rule => {
    let rule = rules.get(name);
    if (rule === undefined) {
      rule = compileRule(findAttribute(schema, name), schema.id, plan);
      rules.set(name, rule);
    }
    return rule;
  };
  const extensionOf = (key: string) => {
    let extension = extensions.get(key);
    if (extension === undefined) {
      const schema = findExtension(schemas, key);
      extension = schema ? { schema, rules: new Map() } : null;
      extensions.set(key, extension);
    }
    return extension;
  };
  return (resource) => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(resource)) {
      const value = resource[key];
      if (key === "schemas") {
        out.schemas = value;
        continue;
      }
      const extension = extensionOf(key);
      if (extension && isPlainObject(value)) {
        const projected: Record<string, unknown> = {};
        let kept = false;
        for (const name of Object.keys(value)) {
          const item = applyRule(ruleOf(extension.schema, extension.rules, name), value[name]);
          if (item !== undefined) {
            projected[name] = item;
            kept = true;
          }
        }
        if (kept) out[key] = projected;
        continue;
      }
      const kept = applyRule(ruleOf(schemas.core, coreRules, key), value);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  };
}

/**
 * Whether a projection returns (part of) an attribute, so a service can skip loading it:
 * `returnsAttribute(groupSchemas, { excludedAttributes: ["members"] }, "members")` is false.
 */
export function returnsAttribute(schemas: ResourceSchemas, options: ProjectionOptions, name: string): boolean {
  const ref = parseAttributeReference(name, schemas);
  const resolved = ref.attr === undefined ? undefined : resolveAttribute(schemas, ref);
  if (!resolved) return false;
  return choose(resolved.def, resolved.schemaId, planProjection(schemas, options)) !== undefined;
}

/** Per attribute (`schemaId|name`, lower case): the whole attribute or some sub-attributes. */
type Selection = { schemas: Set<string>; attributes: Map<string, "all" | Set<string>> };
type Plan = { include?: Selection; exclude?: Selection };
/** What to keep of one attribute: sub-attributes to keep (all when absent) and to drop. */
type Choice = { only?: Set<string>; drop?: Set<string> };

function planProjection(schemas: ResourceSchemas, options: ProjectionOptions): Plan {
  return {
    include: options.attributes?.length ? select(schemas, options.attributes) : undefined,
    exclude: options.excludedAttributes?.length ? select(schemas, options.excludedAttributes) : undefined,
  };
}

function select(schemas: ResourceSchemas, names: string[]): Selection {
  const selection: Selection = { schemas: new Set(), attributes: new Map() };
  for (const name of names) {
    const ref = parseAttributeReference(name, schemas);
    if (ref.attr === undefined) {
      const schema = findSchema(schemas, ref.urn);
      if (schema) selection.schemas.add(schema.id.toLowerCase());
      continue;
    }
    const resolved = resolveAttribute(schemas, ref);
    if (!resolved) continue;
    const key = `${resolved.schemaId}|${resolved.def.name}`.toLowerCase();
    const current = selection.attributes.get(key);
    if (!resolved.subDef) selection.attributes.set(key, "all");
    else if (current !== "all") selection.attributes.set(key, (current ?? new Set()).add(resolved.subDef.name.toLowerCase()));
  }
  return selection;
}

function lookup(selection: Selection, schemaId: string, def: AttributeDef): "all" | Set<string> | undefined {
  if (selection.schemas.has(schemaId.toLowerCase())) return "all";
  return selection.attributes.get(`${schemaId}|${def.name}`.toLowerCase());
}

function choose(def: AttributeDef, schemaId: string, plan: Plan): Choice | undefined {
  if (def.returned === "never") return undefined;
  if (def.returned === "always") return {};
  const included = plan.include ? lookup(plan.include, schemaId, def) : def.returned === "request" ? undefined : "all";
  if (included === undefined) return undefined;
  const excluded = plan.exclude ? lookup(plan.exclude, schemaId, def) : undefined;
  if (excluded === "all") return undefined;
  return { only: included === "all" ? undefined : included, drop: excluded };
}

/**
 * What to keep of one attribute's value: nothing, all of it, or of a complex value the
 * sub-attributes `keeps` says, by each sub-attribute's key as stored (decided on first sight).
 */
type Rule = "drop" | "keep" | { def: AttributeDef; choice: Choice; keeps: Map<string, boolean> };

function compileRule(def: AttributeDef | undefined, schemaId: string, plan: Plan): Rule {
  // A stored key no schema describes is returned by default only.
  if (!def) return plan.include ? "drop" : "keep";
  const choice = choose(def, schemaId, plan);
  if (!choice) return "drop";
  if (!def.subAttributes) return "keep";
  return { def, choice, keeps: new Map() };
}

function applyRule(rule: Rule, value: unknown): unknown {
  if (rule === "drop") return undefined;
  if (rule === "keep") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => projectComplex(rule, item)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  return projectComplex(rule, value);
}

function projectComplex(rule: Exclude<Rule, string>, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  let kept = false;
  for (const key of Object.keys(value)) {
    let keep = rule.keeps.get(key);
    if (keep === undefined) {
      keep = keepsSubAttribute(findSubAttribute(rule.def, key), key, rule.choice);
      rule.keeps.set(key, keep);
    }
    if (keep) {
      out[key] = value[key];
      kept = true;
    }
  }
  return kept ? out : undefined;
}

function keepsSubAttribute(sub: AttributeDef | undefined, key: string, choice: Choice): boolean {
  const name = (sub?.name ?? key).toLowerCase();
  return (
    sub?.returned === "always" ||
    (sub?.returned !== "never" && (choice.only ? choice.only.has(name) : sub?.returned !== "request") && !choice.drop?.has(name))
  );
}
