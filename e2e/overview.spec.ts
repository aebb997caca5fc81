import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { password } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Connection health, alerts and the mass-change guard on the seeded server. The spec brings
 * its own tenant, admin and integrations through the admin CLI (which reaches the running
 * server's embedded database through it), so no other spec's data moves its numbers.
 */
type Installed = { integrationId: string; tenantUrl: string; appKey: string; token: string };

function cli(args: string[]): unknown {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: ".data-e2e-seeded", CONSOLE_PASSWORD: password };
  delete env.DATABASE_URL;
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args, "--json"], { env, stdio: ["ignore", "pipe", "inherit"] }).toString());
}

const run = randomBytes(3).toString("hex");
const slug = `overview-${run}`;
const admin = `admin-${run}@overview.test`;
const install = (name: string) => cli(["integration:create", "--tenant", slug, "--provider", "entra", "--name", `${name} ${run}`]) as Installed;

test.beforeAll(() => {
  cli(["tenant:create", "--slug", slug, "--name", `Overview ${run}`]);
  cli(["user:create", "--email", admin, "--name", "Odile Overview", "--tenant", slug, "--role", "admin"]);
});

const base = (i: Installed) => new URL(i.tenantUrl).pathname;
const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/scim+json" });
const connection = (page: Page) => page.getByRole("region", { name: "Connection" });

async function createUser(request: APIRequestContext, i: Installed, userName: string): Promise<string> {
  const created = await request.post(`${base(i)}/Users`, { headers: bearer(i.token), data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName } });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

test("a fresh integration waits, Entra's Test Connection connects it live, and wrong tokens make it failing with the reason", async ({ page, request }) => {
  const entra = install("Live");
  await signInAs(page, admin);
  await page.goto(`/settings/integrations/${entra.integrationId}`);
  await expect(connection(page).getByText("Waiting for the first request", { exact: true })).toBeVisible();
  await expect(page.getByText("Click Test Connection in your identity provider")).toBeVisible();

  // Entra's Test Connection: a filter on a random userName, answered 200 with no Resources.
  const probe = await request.get(`${base(entra)}/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`, { headers: bearer(entra.token) });
  expect(probe.status()).toBe(200);
  const live = page.getByRole("list", { name: "Requests as they arrive" });
  await expect(live.getByText("200 ok")).toBeVisible();
  await expect(connection(page).getByText("Connected", { exact: true })).toBeVisible();
  await expect(connection(page).getByText(/Test Connection probe was recognised and answered 200/)).toBeVisible();

  for (let i = 0; i < 3; i++) expect((await request.get(`${base(entra)}/Users`, { headers: bearer(`wrong-${i}`) })).status()).toBe(401);
  await expect(live.getByText(/^Wrong token: it is not one of this integration's live tokens/).first()).toBeVisible();
  await expect(connection(page).getByText("Failing", { exact: true })).toBeVisible();
  await expect(connection(page).getByText("401 The token is not valid or has been revoked (3×)")).toBeVisible();
  await expect(connection(page).getByText("75% of requests in the last hour failed; Entra quarantines a job above 40%", { exact: false })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  const card = page.getByRole("article", { name: `Live ${run}` });
  await expect(card.getByText("Failing", { exact: true })).toBeVisible();
  await expect(card.getByText("4 requests, 3 failed", { exact: true })).toBeVisible();
  // The chart draws its bars under the pages' Content-Security-Policy, on a page rendered by
  // the server as after a client-side navigation: the hour's requests and its failures.
  await expect(card.locator(".recharts-bar-rectangle path")).toHaveCount(2);
  await page.reload();
  await expect(card.locator(".recharts-bar-rectangle path")).toHaveCount(2);
});

test("a token near expiry raises the banner on every console page", async ({ page }) => {
  const entra = install("Expiring");
  cli(["token:create", "--integration", entra.integrationId, "--description", "Short-lived", "--expires", "3d"]);
  // A hint may start with a dash (the secret is base64url), which only the `=` form takes as a value.
  cli(["token:revoke", `--token-hint=${entra.token.slice(-6)}`]);
  await signInAs(page, admin);
  const banner = page.getByRole("alert", { name: "Integration alerts" });
  // The alerts job runs every ALERTS_INTERVAL_SECONDS (10 s in e2e/start-server.ts).
  await expect(async () => {
    await page.goto("/people");
    await expect(banner.getByRole("link", { name: `Expiring ${run}: Token expiring` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await page.goto("/roles");
  await expect(banner).toContainText("The last token expires in 3 days");
  await banner.getByRole("link", { name: `Expiring ${run}: Token expiring` }).click();
  await expect(page.getByRole("heading", { name: `Expiring ${run}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Alert history" })).toContainText("Connection: Token expiring");
});

test("the mass-change guard pauses deletions past the threshold, and an admin's confirmation lets them through", async ({ page, request }) => {
  const entra = install("Guarded");
  await signInAs(page, admin);
  await page.goto(`/settings/integrations/${entra.integrationId}`);
  await page.getByLabel("Mass-change threshold").fill("1");
  await page.getByLabel("Pause deactivations and deletions until an admin confirms").check();
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Alert settings saved.")).toBeVisible();

  const ids = [await createUser(request, entra, `one-${run}@overview.test`), await createUser(request, entra, `two-${run}@overview.test`)];
  expect((await request.delete(`${base(entra)}/Users/${ids[0]}`, { headers: bearer(entra.token) })).status()).toBe(204);
  const refused = await request.delete(`${base(entra)}/Users/${ids[1]}`, { headers: bearer(entra.token) });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).detail).toMatch(/paused: more than 1 within an hour tripped the mass-change guard/);
  await expect(page.getByText(/^The mass-change guard paused deactivations and deletions/)).toBeVisible();

  await page.reload();
  await expect(connection(page).getByText(/Further ones are paused since/)).toBeVisible();
  await connection(page).getByRole("button", { name: "Confirm and resume deletions" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(/deactivations and deletions go through again/)).toBeVisible();
  expect((await request.delete(`${base(entra)}/Users/${ids[1]}`, { headers: bearer(entra.token) })).status()).toBe(204);

  await page.goto("/settings/audit-log");
  await expect(page.getByText(`Confirmed the mass change by Guarded ${run}, lifting the pause on its deactivations and deletions`)).toBeVisible();
});
