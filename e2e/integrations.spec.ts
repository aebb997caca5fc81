import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./replay-action";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/** Settings > Integrations on the seeded server, proven against its own SCIM API. */
let acmeEntra: Installed;
test.beforeAll(() => {
  const seeded = JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>;
  acmeEntra = seeded.acmeEntra;
});

const basic = (appKey: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${appKey}:${secret}`).toString("base64")}` });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const pathOf = (url: string) => new URL(url).pathname;

async function install(page: Page, app: string) {
  await page.goto("/settings/integrations");
  await page.getByRole("link", { name: "Browse Marketplace" }).click();
  await expect(page.getByRole("heading", { name: "Marketplace" })).toBeVisible();
  await page.getByRole("link", { name: `Install now ${app}`, exact: true }).click();
  await expect(page.getByRole("heading", { name: app, exact: true })).toBeVisible();
  await page.getByRole("radio", { name: /User Provisioning/ }).check();
  await page.getByRole("button", { name: "Start integration" }).click();
  await expect(page).toHaveURL(/\/settings\/integrations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "User Provisioning" })).toBeVisible();
}

test("an admin installs Okta, connects with the secret shown once, turns groups off and revokes the token", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, users.owner);
  await install(page, "Okta");

  const tenantUrl = (await page.getByLabel("Tenant URL", { exact: true }).textContent()) ?? "";
  const appKey = (await page.getByLabel("App key", { exact: true }).textContent()) ?? "";
  expect(appKey).toMatch(/^[a-z2-7]{20}$/);
  expect(tenantUrl).toMatch(new RegExp(`/api/scim/v2/${appKey}$`));

  const panel = page.getByRole("region", { name: /Secret Token/ });
  await expect(panel.getByText("It won’t be shown again")).toBeVisible();
  await panel.getByRole("button", { name: "Copy secret token" }).click();
  await expect(panel.getByText("Copied")).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^scim_/);
  expect(await page.getByTestId("once-secret").textContent()).toBe(secret);

  const base = pathOf(tenantUrl);
  const headers = basic(appKey, secret);
  expect((await request.get(`${base}/Users`, { headers })).status()).toBe(200);

  // Gone after a reload and after leaving and coming back: only the hint remains.
  await page.reload();
  await expect(page.getByTestId("once-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  const html = await (await page.request.get(page.url())).text();
  expect(html).toContain(appKey);
  expect(html).not.toContain(secret);
  const tokenRow = page.getByRole("row").filter({ hasText: `…${secret.slice(-6)}` });
  await expect(tokenRow.getByText("Active")).toBeVisible();
  await page.getByRole("link", { name: "← Integrations" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Okta" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "User Provisioning" })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await page.getByLabel("Provision groups", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByLabel("Provision groups", { exact: true })).not.toBeChecked();
  expect((await request.get(`${base}/Groups`, { headers })).status()).toBe(501);

  await tokenRow.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog", { name: /Revoke token/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(tokenRow.getByText("Revoked")).toBeVisible();
  expect((await request.get(`${base}/Users`, { headers })).status()).toBe(401);
});

test("a new token: bad input is refused on its field, the secret is shown once and works until the integration is disabled", async ({ page, request }) => {
  await signInAs(page, users.owner);
  await install(page, "Generic SCIM 2.0");
  const base = pathOf((await page.getByLabel("Tenant URL", { exact: true }).textContent()) ?? "");

  await page.getByLabel("Description", { exact: true }).fill("Nightly sync");
  await page.getByLabel("Expires on (optional)", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Generate new token" }).click();
  await expect(page.getByText("Choose a date in the future")).toBeVisible();
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Nightly sync");

  await page.getByLabel("Expires on (optional)", { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-06-30`);
  await page.getByRole("button", { name: "Generate new token" }).click();
  const secret = (await page.getByRole("region", { name: /^Token …\S+ created\.$/ }).getByTestId("once-secret").textContent()) ?? "";
  expect(secret).toMatch(/^scim_/);
  await expect(page.getByRole("row").filter({ hasText: "Nightly sync" }).getByText(`…${secret.slice(-6)}`, { exact: true })).toBeVisible();
  expect((await request.get(`${base}/Users`, { headers: bearer(secret) })).status()).toBe(200);

  await page.getByLabel("Default region", { exact: true }).fill("x".repeat(65));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use at most 64 characters")).toBeVisible();

  await page.getByRole("button", { name: "Disable integration" }).click();
  await page.getByRole("dialog", { name: /Disable/ }).getByRole("button", { name: "Disable", exact: true }).click();
  // The banner, not the live feed's explanation of the 401 sent meanwhile (it starts alike).
  const disabledBanner = page.getByText("This integration is disabled: requests with its tokens are refused");
  await expect(disabledBanner).toBeVisible();
  expect((await request.get(`${base}/Users`, { headers: bearer(secret) })).status()).toBe(401);
  await page.getByRole("button", { name: "Enable integration" }).click();
  await page.getByRole("dialog", { name: /Enable/ }).getByRole("button", { name: "Enable", exact: true }).click();
  await expect(disabledBanner).toHaveCount(0);
  expect((await request.get(`${base}/Users`, { headers: bearer(secret) })).status()).toBe(200);
});

test("a viewer sees integrations read-only, and the server refuses a mutation the viewer posts with 403", async ({ page, browser }) => {
  // The owner's Save settings request, captured and never delivered, is what the viewer replays.
  await signInAs(page, users.owner);
  await page.goto(`/settings/integrations/${acmeEntra.integrationId}`);
  await page.getByLabel("Provision groups", { exact: true }).uncheck();
  const action = await captureAction(page, `**/settings/integrations/${acmeEntra.integrationId}`, () =>
    page.getByRole("button", { name: "Save settings" }).click(),
  );

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signInAs(viewer, users.viewer);
  await viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  await expect(viewer.getByRole("link", { name: "Microsoft Entra ID" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Browse Marketplace" })).toHaveCount(0);
  await viewer.getByRole("link", { name: "Microsoft Entra ID" }).click();
  await expect(viewer.getByLabel("Tenant URL", { exact: true })).toHaveText(acmeEntra.tenantUrl);
  await expect(viewer.getByText("Provision groups")).toBeVisible();
  for (const control of ["Save settings", "Generate new token", "Revoke", "Disable integration"]) {
    await expect(viewer.getByRole("button", { name: control })).toHaveCount(0);
  }
  expect((await viewer.goto("/settings/integrations/marketplace"))?.status()).toBe(403);

  expect(await replayAction(viewer, action)).toBe(403);
  await viewerContext.close();

  await page.unrouteAll();
  await page.reload();
  await expect(page.getByLabel("Provision groups", { exact: true })).toBeChecked();
});

test("another tenant's admin gets 404 for an Acme integration, as for an id that does not exist", async ({ page }) => {
  await signInAs(page, users.globexAdmin);
  const response = await page.goto(`/settings/integrations/${acmeEntra.integrationId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect(await page.content()).not.toContain(acmeEntra.appKey);
  expect((await page.goto("/settings/integrations/not-an-id"))?.status()).toBe(404);
});

test("My Profile > Access Tokens > Create Token with Scope SCIM: shown once, works without an app key, revocable", async ({ page, request }) => {
  await signInAs(page, users.owner);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Access Tokens" })).toBeVisible();
  await page.getByRole("button", { name: "Create Token" }).click();
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(page.getByText("Describe what the token is for")).toBeVisible();

  await page.getByLabel("Description", { exact: true }).fill("Promapp style");
  await expect(page.getByLabel("Scope", { exact: true })).toHaveValue("SCIM");
  await page.getByLabel("Integration", { exact: true }).selectOption({ label: "Microsoft Entra ID" });
  await page.getByRole("button", { name: "Save token" }).click();
  const secret = (await page.getByTestId("once-secret").textContent()) ?? "";
  expect(secret).toMatch(/^scim_/);
  const row = page.getByRole("row").filter({ hasText: "Promapp style" });
  await expect(row.getByText(`…${secret.slice(-6)}`, { exact: true })).toBeVisible();
  await expect(row.getByText("Microsoft Entra ID · Scope SCIM")).toBeVisible();
  expect((await request.get("/api/scim/v2/Users", { headers: bearer(secret) })).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: /Revoke token/ }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  expect((await request.get("/api/scim/v2/Users", { headers: bearer(secret) })).status()).toBe(401);
  await page.reload();
  expect(await page.content()).not.toContain(secret);
});

test("a viewer's profile has no Access Tokens section", async ({ page }) => {
  await signInAs(page, users.viewer);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "My Profile" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Access Tokens" })).toHaveCount(0);
});

test("Install now asks for User Provisioning and a name before any token exists; the list links Settings under the name", async ({ page }) => {
  const name = `Entra staging ${Date.now().toString(36)}`;
  await signInAs(page, users.owner);
  await page.goto("/settings/integrations/marketplace");
  await page.getByRole("link", { name: "Install now Microsoft Entra ID", exact: true }).click();
  await expect(page).toHaveTitle("Microsoft Entra ID · Marketplace · SCIM Console");
  // Start integration without choosing User Provisioning installs nothing.
  await page.getByRole("button", { name: "Start integration" }).click();
  await expect(page).toHaveURL(/\/marketplace\/entra$/);
  await page.getByRole("radio", { name: /User Provisioning/ }).check();
  await page.getByLabel("Name (optional)").fill("microsoft entra id");
  await page.getByRole("button", { name: "Start integration" }).click();
  await expect(page.getByText("Another integration is already named “microsoft entra id”")).toBeVisible();
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByRole("button", { name: "Start integration" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("once-secret")).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Integrations · SCIM Console`);

  await page.goto("/settings/integrations");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("Microsoft Entra ID (User Provisioning)")).toBeVisible();
  await row.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "User Provisioning" })).toBeVisible();
});

test("an admin renames an integration and uninstalls it, deactivating the people it provisioned", async ({ page, request }) => {
  const run = Date.now().toString(36);
  await signInAs(page, users.owner);
  await install(page, "Generic SCIM 2.0");
  const secret = (await page.getByTestId("once-secret").textContent()) ?? "";
  const tenantUrl = (await page.getByLabel("Tenant URL", { exact: true }).textContent()) ?? "";
  const created = await request.post(`${pathOf(tenantUrl)}/Users`, {
    headers: { ...bearer(secret), "content-type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `leaving-${run}@acme.test`, name: { givenName: "Lea", familyName: `Ving${run}` } },
  });
  expect(created.status()).toBe(201);
  const personId = (await created.json()).id as string;

  const renamed = `Nightly sync ${run}`;
  await page.reload();
  await page.getByLabel("Name", { exact: true }).fill(renamed);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(`Renamed to ${renamed}.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Uninstall…" }).click();
  const dialog = page.getByRole("dialog", { name: `Uninstall ${renamed}?` });
  await expect(dialog.getByText("What happens to the 1 person it provisioned?")).toBeVisible();
  await dialog.getByRole("radio", { name: /Deactivate them/ }).check();
  await dialog.getByLabel(`Type ${renamed} to confirm`).fill("not the name");
  await dialog.getByRole("button", { name: "Uninstall" }).click();
  await expect(dialog.getByText(`Type “${renamed}” to confirm.`)).toBeVisible();
  await dialog.getByLabel(`Type ${renamed} to confirm`).fill(renamed);
  await dialog.getByRole("button", { name: "Uninstall" }).click();

  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await expect(page.getByRole("row").filter({ hasText: renamed })).toHaveCount(0);
  expect((await request.get(`${pathOf(tenantUrl)}/Users`, { headers: bearer(secret) })).status()).toBe(401);
  await page.goto(`/people/${personId}`);
  await expect(page.getByText("Inactive").first()).toBeVisible();
  await page.goto("/settings/audit-log");
  await expect(page.getByText(`Uninstalled ${renamed}: its people were deactivated`)).toBeVisible();
});
