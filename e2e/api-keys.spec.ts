import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

let entra: Installed;
test.beforeAll(() => {
  // Written by e2e/start-server.ts once the seeded server's CLI calls have run.
  entra = (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).acmeEntra;
});

test("an admin creates an API key, the app reads a SCIM change from the feed and the person with it, and a revoked key is refused", async ({ page, request }) => {
  await signInAs(page, users.owner);
  await page.goto("/settings/api-keys");
  const description = `Feed reader ${Date.now()}`;
  await page.getByLabel("Description").fill(description);
  await page.getByRole("button", { name: "Create API key" }).click();
  const shown = page.getByRole("region", { name: /API key …\S+ created\./ });
  await expect(shown).toBeVisible();
  const key = ((await shown.getByTestId("once-secret").textContent()) ?? "").trim();
  expect(key).toMatch(/^sck_[\w-]{43}$/);
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(description) });
  await expect(row.getByText("Never")).toBeVisible();

  const userName = `feed-${Date.now()}@acme.test`;
  const created = await request.post(`${new URL(entra.tenantUrl).pathname}/Users`, {
    headers: { authorization: `Bearer ${entra.token}`, "content-type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName },
  });
  expect(created.status()).toBe(201);
  const events: { type: string; data: { resource: { userName?: string } } }[] = [];
  let after = "";
  for (;;) {
    const page = await request.get(`/api/v1/events?limit=1000${after ? `&after=${after}` : ""}`, { headers: { authorization: `Bearer ${key}` } });
    expect(page.status()).toBe(200);
    const body = await page.json();
    events.push(...body.data);
    if (body.data.length === 0) break;
    after = body.next;
  }
  const [event] = events.filter((e) => e.type === "person.created" && e.data.resource.userName === userName);
  expect(event).toBeDefined();
  const auth = { headers: { authorization: `Bearer ${key}` } };
  const person = await request.get(`/api/v1/people/${(await created.json()).id}`, auth);
  expect(person.status()).toBe(200);
  expect(await person.json()).toEqual(event.data.resource);
  const missing = await request.get("/api/v1/people/not-an-id", auth);
  expect(missing.status()).toBe(404);
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(await openapi.json()).toMatchObject({ openapi: expect.stringMatching(/^3\.1\./), paths: expect.objectContaining({ "/api/v1/people/{id}": expect.anything() }) });

  await page.reload();
  await expect(row.getByText("Never")).toHaveCount(0);
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  const refused = await request.get("/api/v1/events", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: "unauthorized" });
});

test("only admins see Settings > API keys", async ({ page }) => {
  await signInAs(page, users.viewer);
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  const response = await page.goto("/settings/api-keys");
  expect(response?.status()).toBe(403);
});
