import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { users, type Installed } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Issue #9, Staff: platform staff find which tenant a person is in and open them there,
 * list tenants, and mint a token a tenant asked support for; each is in the tenant's audit
 * log. A tenant's admin has no such pages.
 */

const run = Date.now().toString(36);
const dana = { userName: `dscully-${run}`, email: `Dana.Scully-${run}@globex.test`, name: `Dana Scully${run}` };
let globexOkta: Installed;
let danaId = "";

test.beforeAll(async ({ request }) => {
  globexOkta = (JSON.parse(readFileSync(".data-e2e-seeded/seed-output.json", "utf8")) as Record<string, Installed>).globexOkta;
  const created = await request.post(`${new URL(globexOkta.tenantUrl).pathname}/Users`, {
    headers: { authorization: `Bearer ${globexOkta.token}`, "content-type": "application/scim+json" },
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: dana.userName,
      name: { givenName: "Dana", familyName: `Scully${run}` },
      emails: [{ value: dana.email, type: "work", primary: true }],
    },
  });
  expect(created.status()).toBe(201);
  danaId = (await created.json()).id;
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return page;
}

async function globexAuditLog(browser: Browser) {
  const admin = await signedIn(browser, users.globexAdmin);
  await admin.goto("/settings/audit-log");
  return admin.getByRole("table", { name: "Audit log" });
}

test("staff find a person by email across tenants and open them in their tenant, audited there", async ({ browser }) => {
  const staff = await signedIn(browser, users.staff);
  await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Find a person" }).click();
  await staff.getByLabel("Email or userName").fill(dana.email.toUpperCase());
  await staff.getByRole("button", { name: "Search every tenant" }).click();
  const row = staff.getByRole("table", { name: "People found" }).getByRole("row").filter({ hasText: dana.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: /Globex/ })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Okta", exact: true })).toBeVisible();
  await expect(row.getByText("Active")).toBeVisible();
  // What was typed never goes into the URL.
  expect(staff.url()).not.toContain("scully");

  await row.getByRole("button", { name: dana.name }).click();
  await expect(staff).toHaveURL(new RegExp(`/people/${danaId}$`));
  await expect(staff.getByRole("heading", { name: dana.name })).toBeVisible();
  await expect(staff.getByLabel("Tenant")).toHaveValue("globex");

  const log = await globexAuditLog(browser);
  const searched = log.getByRole("row").filter({ hasText: `Searched people of every tenant for "${dana.email.toUpperCase()}" (1 match here)` });
  await expect(searched).toHaveCount(1);
  await expect(searched.getByText(`${users.staff} (platform staff)`)).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "Opened this tenant with platform staff access" }).first()).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: `Viewed /people/${danaId}` })).toHaveCount(1);

  // The search page belongs to no tenant: not a view in Acme, where staff stood before.
  const owner = await signedIn(browser, users.owner);
  await owner.goto("/settings/audit-log?category=staff");
  await expect(owner.getByRole("table", { name: "Audit log" }).getByRole("row").first()).toBeVisible();
  await expect(owner.getByText("Viewed /staff/people")).toHaveCount(0);
});

test("staff filter the tenants as they type, mint a token on request, see it once, and it authenticates SCIM", async ({ browser }) => {
  const staff = await signedIn(browser, users.staff);
  await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tenants" }).click();
  await expect(staff.getByRole("heading", { name: "Tenants" })).toBeVisible();
  await expect(staff.getByRole("link", { name: "Acme Corp", exact: true })).toBeVisible();
  await staff.getByLabel("Search tenants").pressSequentially("GLOB");
  await expect(staff).toHaveURL(/\/staff\/tenants\?q=GLOB$/);
  await expect(staff.getByRole("link", { name: "Acme Corp", exact: true })).toHaveCount(0);
  const globex = staff.getByRole("row").filter({ has: staff.getByRole("link", { name: "Globex", exact: true }) });
  await expect(globex.getByText("Okta", { exact: true })).toBeVisible();
  await staff.reload();
  await expect(staff.getByLabel("Search tenants")).toHaveValue("GLOB");

  await globex.getByRole("link", { name: "Details and tokens of Globex" }).click();
  await expect(staff.getByRole("heading", { name: "Globex" })).toBeVisible();
  await staff.getByRole("button", { name: "Mint token" }).click();
  await expect(staff.getByText("Give the reason: the support ticket that asked for it")).toBeVisible();
  const reason = `Ticket ${run}: lost the Okta token`;
  await staff.getByLabel("Reason").fill(reason);
  await staff.getByRole("button", { name: "Mint token" }).click();
  const shown = staff.getByRole("region", { name: /^Token …\S+ created for Okta\.$/ });
  const secret = (await shown.getByTestId("once-secret").textContent())!.trim();
  expect(secret).toMatch(/^scim_/);
  await expect(shown.getByText(globexOkta.tenantUrl)).toBeVisible();

  const users_ = await staff.request.get(`${new URL(globexOkta.tenantUrl).pathname}/Users?filter=${encodeURIComponent(`userName eq "${dana.userName}"`)}`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(users_.status()).toBe(200);
  expect((await users_.json()).Resources.map((u: { id: string }) => u.id)).toEqual([danaId]);

  await staff.reload();
  await expect(staff.getByRole("heading", { name: "Globex" })).toBeVisible();
  await expect(staff.getByTestId("once-secret")).toHaveCount(0);
  await expect(staff.getByText(secret)).toHaveCount(0);

  const log = await globexAuditLog(browser);
  const minted = log.getByRole("row").filter({ hasText: `for Okta on request: "${reason}"` });
  await expect(minted).toHaveCount(1);
  await expect(minted.getByText(`${users.staff} (platform staff)`)).toBeVisible();
  await expect(minted).toContainText(`…${secret.slice(-6)}`);
});

test("a tenant admin has no Tenants entry, and the platform pages do not exist for them", async ({ page }) => {
  await signInAs(page, users.owner);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Tenants" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Find a person" })).toHaveCount(0);
  for (const path of ["/staff/tenants", "/staff/tenants/globex", "/staff/people"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Tenants" })).toHaveCount(0);
  }
});
