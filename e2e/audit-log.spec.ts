import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { users } from "./seed";
import { signInAs } from "./sign-in";

/**
 * Issue #7 item 7: whatever platform staff open or do in a tenant is audited, and that
 * tenant's admins read it under Settings > Audit log. Each test opens pages of its own
 * (an unknown role id still renders the console around the 404), so runs never collide.
 */

// Several signed-in browsers per test, on a machine that may be busy with more than this suite.

async function signedIn(browser: Browser, email: string, tenantCookie?: string): Promise<Page> {
  const context = await browser.newContext();
  if (tenantCookie) {
    const { origin } = new URL(test.info().project.use.baseURL!);
    await context.addCookies([{ name: "active-tenant", value: tenantCookie, url: origin }]);
  }
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

async function openAuditLog(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  return page.getByRole("table", { name: "Audit log" });
}

test("an admin sees each page staff opened in the tenant, once per visit, and what they submitted", async ({ browser }) => {
  const rolePath = `/roles/${randomUUID()}`;
  const staff = await signedIn(browser, users.staff);
  await staff.goto(rolePath);
  await staff.reload();
  await staff.goto("/settings/members");
  await staff.getByLabel("Email").fill(`not-added-${randomUUID().slice(0, 8)}`);
  await staff.getByRole("button", { name: "Invite member" }).click();
  await expect(staff.getByText("Enter a valid email address")).toBeVisible();

  const admin = await signedIn(browser, users.owner);
  const log = await openAuditLog(admin);
  const viewed = log.getByRole("row").filter({ hasText: `Viewed ${rolePath}` });
  await expect(viewed).toHaveCount(1);
  await expect(viewed.getByText(`${users.staff} (platform staff)`)).toBeVisible();
  await expect(viewed.getByRole("cell", { name: /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}$/ })).toBeVisible();
  await expect(viewed.getByText(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/)).toBeVisible();
  await expect(viewed.getByText(/Chrome/)).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "Submitted a form on /settings/members" }).first()).toBeVisible();

  await admin.getByLabel("Kind of entry").selectOption("members");
  await expect(admin).toHaveURL(/category=members/);
  await expect(log.getByRole("row").filter({ hasText: `Viewed ${rolePath}` })).toHaveCount(0);
  await admin.getByLabel("Kind of entry").selectOption("staff");
  await expect(log.getByRole("row").filter({ hasText: `Viewed ${rolePath}` })).toHaveCount(1);
});

test("staff landing in a tenant by its cookie is audited there and only there", async ({ browser }) => {
  const rolePath = `/roles/${randomUUID()}`;
  const staff = await signedIn(browser, users.staff, "globex");
  await staff.goto(rolePath);
  await expect(staff.getByRole("navigation", { name: "Main" })).toBeVisible();

  const globexAdmin = await signedIn(browser, users.globexAdmin);
  const globexLog = await openAuditLog(globexAdmin);
  await expect(globexLog.getByRole("row").filter({ hasText: `Viewed ${rolePath}` })).toHaveCount(1);
  // The landing itself: the console's home, the Overview.
  await expect(globexLog.getByText("Viewed /", { exact: true }).first()).toBeVisible();

  const acmeAdmin = await signedIn(browser, users.owner);
  const acmeLog = await openAuditLog(acmeAdmin);
  await expect(acmeLog.getByRole("row").first()).toBeVisible();
  await expect(acmeLog.getByRole("row").filter({ hasText: rolePath })).toHaveCount(0);
});

test("only admins have the audit log", async ({ browser }) => {
  const viewer = await signedIn(browser, users.viewer);
  await expect(viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await viewer.goto("/settings/audit-log");
  expect(response?.status()).toBe(403);
});
