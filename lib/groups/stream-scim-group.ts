import type { Db } from "@/db/client";
import type { ProjectionOptions } from "@/lib/scim/projection";
import type { ScimRow } from "@/lib/scim-resources/resource-table";
import { memberPagesOfGroup } from "./members-of-groups";
import { toScimGroup, type MemberBuilder } from "./scim-group";

const json = (members: object[]) => members.map((m) => JSON.stringify(m)).join(",");

/**
 * A group as SCIM JSON, written out while its members are read page by page: a group of
 * 100,000 members is never held in memory, neither as objects nor as one string. The text is
 * what JSON.stringify(toScimGroup(..., members)) would give: members omitted when there are
 * none (RFC 7643 section 2.5), meta last.
 */
export async function* streamScimGroup(
  db: Db,
  tenantId: string,
  group: ScimRow,
  baseUrl: string,
  projection: ProjectionOptions,
  build: MemberBuilder,
): AsyncGenerator<string> {
  const pages = memberPagesOfGroup(db, tenantId, group.id, build);
  const first = await pages.next();
  const resource = toScimGroup(group, baseUrl, projection);
  if (first.done) {
    yield JSON.stringify(resource);
    return;
  }
  const { meta, ...attributes } = resource;
  const head = JSON.stringify(attributes);
  yield `${head.slice(0, -1)}${head === "{}" ? "" : ","}"members":[${json(first.value)}`;
  for await (const page of pages) yield `,${json(page)}`;
  yield `]${meta === undefined ? "" : `,"meta":${JSON.stringify(meta)}`}}`;
}
