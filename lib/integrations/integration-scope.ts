import type { Integration } from "@/db/schema";
import type { Actor } from "@/lib/history/record-event";
import type { Prefetched } from "@/lib/scim-resources/find-live-resource";
import type { PrefetchedLookup } from "@/lib/scim-resources/filter-resources";
import type { UnconfirmedCredentials } from "@/lib/tokens/remembered-credentials";

/**
 * The SCIM namespace a request acts in: one integration of one tenant. Another integration's
 * people and groups are not found, so one tenant's token never touches another's data.
 */
export type IntegrationScope = {
  tenantId: string;
  integration: Integration;
  actor: Actor;
  /** `{APP_URL}/api/scim/v2/{appKey}`, for meta.location. */
  baseUrl: string;
  /**
   * What the request reads first, read with its token: the resource it names, which its
   * first unlocked read takes (findLiveResource), or the lookup its filter is (filterResources).
   */
  prefetched?: Prefetched | PrefetchedLookup;
  /**
   * Set when the request was authenticated from memory, not by reading its token: only a
   * write that confirms these credentials in its own statement may act on them.
   */
  unconfirmed?: UnconfirmedCredentials;
};
