import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { Installed } from "./seed";

/** The real server over real HTTP: the route file, the adapter and the embedded database. */
let entra: Installed;
let okta: Installed;
test.beforeAll(() => {
  // Written by e2e/start-server.ts once the seeded server's CLI calls have run.
  const seeded = JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>;
  entra = seeded.acmeEntra;
  okta = seeded.globexOkta;
});
const bearer = (i: Installed) => ({ authorization: `Bearer ${i.token}`, "content-type": "application/scim+json" });
const base = (i: Installed) => new URL(i.tenantUrl).pathname;

test("Entra's Test Connection probe, create, deactivate and delete work on the Tenant URL as shown", async ({ request }) => {
  expect(entra.tenantUrl).toMatch(/\?aadOptscim062020$/);
  const probe = await request.get(`${base(entra)}/Users?aadOptscim062020&filter=${encodeURIComponent('userName eq "5e8fa2c4-0b1d-4d47-9a8e-0f3e7a1c2b9d"')}`, {
    headers: bearer(entra),
  });
  expect(probe.status()).toBe(200);
  expect(probe.headers()["content-type"]).toContain("application/scim+json");
  expect(await probe.json()).toMatchObject({ totalResults: 0, Resources: [] });

  const created = await request.post(`${base(entra)}/Users/?aadOptscim062020`, {
    headers: bearer(entra),
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "grace@acme.test", active: true, name: { givenName: "Grace", familyName: "Hopper" } },
  });
  expect(created.status()).toBe(201);
  const user = await created.json();
  expect(created.headers()["location"]).toBe(`${new URL(entra.tenantUrl).origin}${base(entra)}/Users/${user.id}`);

  const patched = await request.patch(`${base(entra)}/Users/${user.id}?aadOptscim062020`, {
    headers: bearer(entra),
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: "False" }] },
  });
  expect(patched.status()).toBe(204);
  const read = await request.get(`${base(entra)}/Users/${user.id}`, { headers: bearer(entra) });
  expect((await read.json()).active).toBe(false);
  expect(read.headers()["etag"]).toBe(patched.headers()["etag"]);

  expect((await request.delete(`${base(entra)}/Users/${user.id}`, { headers: bearer(entra) })).status()).toBe(204);
  expect((await request.get(`${base(entra)}/Users/${user.id}`, { headers: bearer(entra) })).status()).toBe(404);
});

test("Okta's app key and secret key authenticate as HTTP Basic; its groups-off integration answers 501 for /Groups", async ({ request }) => {
  const basic = `Basic ${Buffer.from(`${okta.appKey}:${okta.token}`).toString("base64")}`;
  const list = await request.get(`${base(okta)}/Users?startIndex=1&count=2`, { headers: { authorization: basic } });
  expect(list.status()).toBe(200);
  const groups = await request.get(`${base(okta)}/Groups`, { headers: { authorization: basic } });
  expect(groups.status()).toBe(501);
  expect(await groups.json()).toMatchObject({ status: "501", schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"] });
});

test("a token used under another integration's URL, and no token at all, get 401 with WWW-Authenticate", async ({ request }) => {
  const crossed = await request.get(`${base(entra)}/Users`, { headers: bearer(okta) });
  expect(crossed.status()).toBe(401);
  expect(crossed.headers()["www-authenticate"]).toContain("Bearer");
  const anonymous = await request.get(`/api/scim/v2/Users`);
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).status).toBe("401");
});

test("the keyless URL works with the token alone, and a body over 1 MiB is refused with 413", async ({ request }) => {
  const keyless = await request.get(`/api/scim/v2/ServiceProviderConfig`, { headers: bearer(entra) });
  expect(keyless.status()).toBe(200);
  const huge = await request.post(`${base(entra)}/Users`, {
    headers: bearer(entra),
    data: JSON.stringify({ userName: "big@acme.test", nickName: "x".repeat(1024 * 1024 + 10) }),
  });
  expect(huge.status()).toBe(413);
});
