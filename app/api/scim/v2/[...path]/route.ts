import { handleFetchRequest } from "@/lib/provisioning/fetch-adapter";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** Every SCIM method goes to one adapter; lib/provisioning does the rest. */
async function scim(request: Request, context: Context): Promise<Response> {
  return handleFetchRequest(request, (await context.params).path);
}

export { scim as GET, scim as POST, scim as PUT, scim as PATCH, scim as DELETE };
