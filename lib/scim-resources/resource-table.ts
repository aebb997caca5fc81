import type { groups, people } from "@/db/schema";

/** The tables that store SCIM resources: people are Users, groups are Groups. */
export type ResourceTable = typeof people | typeof groups;

/** A row of one of them. */
export type ResourceRow<T extends ResourceTable> = T["$inferSelect"];
