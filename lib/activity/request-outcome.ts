/** What an admin needs to know of a logged request, before anything else. */
export type RequestOutcome = "success" | "routine" | "failure";

type Answered = { method: string; path: string; status: number };

/** `/Users/{id}` or `/Groups/{id}`, under an app key or not: one resource named by its id. */
const ONE_RESOURCE = /\/(Users|Groups)\/[^/]+$/;
/** The same test as a PostgreSQL regular expression, for `failedRequestSql`. */
export const ONE_RESOURCE_PATTERN = "/(Users|Groups)/[^/]+$";

/**
 * A 404 that is part of an identity provider's normal cycle, not a failure: Entra ID reads or
 * deletes a resource by id to check it is still there and treats 404 as "already gone"
 * (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
 * "Delete User" and "Get User"). A lookup by filter that finds nobody answers 200 with an empty
 * list, so it is a success already.
 */
export function isRoutineOutcome({ method, path, status }: Answered): boolean {
  return status === 404 && (method === "GET" || method === "DELETE") && ONE_RESOURCE.test(path);
}

/** A request the admin should look at: refused or failed (4xx, 5xx), routine 404s aside. */
export function isFailedRequest(request: Answered): boolean {
  return request.status >= 400 && !isRoutineOutcome(request);
}

export function requestOutcome(request: Answered): RequestOutcome {
  if (isRoutineOutcome(request)) return "routine";
  return isFailedRequest(request) ? "failure" : "success";
}

/** A write that changed something (or was asked to): a successful POST, PUT, PATCH or DELETE. */
export function isSuccessfulWrite(request: { method: string; status: number }): boolean {
  return request.status < 400 && ["POST", "PUT", "PATCH", "DELETE"].includes(request.method);
}
