import { ScimError } from "@/lib/scim/errors";
import type { ScimContext, ScimResponse } from "./scim-request";
import type { ScimRoute } from "./scim-route";

export async function groupsEndpoint(_context: ScimContext, _route: ScimRoute): Promise<ScimResponse> {
  throw new ScimError(501, undefined, "Groups are being built");
}
