import { ScimError } from "@/lib/scim/errors";
import { discoveryEndpoint } from "./discovery-endpoint";
import { groupsEndpoint } from "./groups-endpoint";
import { rootSearch } from "./root-search";
import type { ScimContext, ScimResponse } from "./scim-request";
import type { ScimRoute } from "./scim-route";
import { usersEndpoint } from "./users-endpoint";

/** Hands an authenticated request to its endpoint. */
export function dispatch(context: ScimContext, route: ScimRoute): Promise<ScimResponse> {
  switch (route.resource) {
    case "Users":
      return usersEndpoint(context, route);
    case "Groups":
      if (!context.integration.settings.groupsEnabled) {
        // RFC 7644 section 3.12: 501 for an operation the service provider does not support.
        throw new ScimError(501, undefined, "Groups are turned off for this integration; it provisions users only");
      }
      return groupsEndpoint(context, route);
    case "ServiceProviderConfig":
    case "ResourceTypes":
    case "Schemas":
      return discoveryEndpoint(context, route);
    case "Bulk":
      throw new ScimError(501, undefined, "Bulk operations are not supported (see /ServiceProviderConfig)");
    case "Root":
      return rootSearch(context);
    case "Me":
      // RFC 7644 section 3.11: a token names an integration, not a user, so there is no /Me.
      throw new ScimError(501, undefined, "/Me is not supported: tokens authenticate an integration, not a user");
  }
}
