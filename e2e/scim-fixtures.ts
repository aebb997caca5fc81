import { readFileSync } from "node:fs";
import { expect, type APIRequestContext } from "@playwright/test";
import type { Installed } from "./seed";

/** The seeded Acme Entra integration, as e2e/start-server.ts wrote it once its CLI calls ran. */
export function acmeEntra(): Installed {
  return (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).acmeEntra;
}

/** Acme's identity provider, over the seeded server's own SCIM API. */
export function scimClient(request: APIRequestContext, entra = acmeEntra()) {
  const base = new URL(entra.tenantUrl).pathname;
  const headers = { authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" };
  return {
    base,
    async createUser(userName: string, givenName: string, familyName: string) {
      const created = await request.post(`${base}/Users`, {
        headers,
        data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, name: { givenName, familyName }, emails: [{ value: userName, primary: true }] },
      });
      return created;
    },
    async createGroup(displayName: string) {
      const created = await request.post(`${base}/Groups`, { headers, data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName } });
      expect(created.status()).toBe(201);
      return (await created.json()).id as string;
    },
    get: (path: string) => request.get(`${base}${path}`, { headers }),
  };
}
