import { expect, test } from "@playwright/test";
import { users } from "./seed";
import { signInAs } from "./sign-in";

test("a viewer does not see the admin pages, and the server refuses them with 403", async ({ page }) => {
  await signInAs(page, users.viewer);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My Profile" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);

  const response = await page.goto("/settings/members");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /don’t have access/ })).toBeVisible();
});

test("the tenant switcher moves between tenants, and the role follows the tenant", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.goto("/settings/members");
  const switcher = page.getByLabel("Tenant");
  await expect(switcher).toHaveValue("acme");
  await expect(page.getByRole("cell", { name: users.viewer, exact: true })).toBeVisible();

  await switcher.selectOption("globex");
  await expect(page.getByLabel("Tenant")).toHaveValue("globex");
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  expect((await page.goto("/settings/members"))?.status()).toBe(403);
});

test("one tenant's admin never sees another tenant's members", async ({ page }) => {
  await signInAs(page, users.globexAdmin);
  await expect(page).toHaveURL(/:\d+\/$/);
  await page.goto("/settings/members");
  await expect(page.getByLabel("Tenant")).toHaveCount(0);
  await expect(page.getByRole("cell", { name: users.globexAdmin, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: users.viewer, exact: true })).toHaveCount(0);
});

test("platform staff can open any tenant", async ({ page }) => {
  await signInAs(page, users.staff);
  await page.goto("/settings/members");
  const switcher = page.getByLabel("Tenant");
  await expect(switcher.locator("option")).toHaveText(["Acme Corp (staff access)", "Globex (staff access)"]);
  await switcher.selectOption("globex");
  // The switch lands on the home page of the new tenant.
  await expect(page).toHaveURL(/:\d+\/$/);
  await page.goto("/settings/members");
  await expect(page.getByRole("cell", { name: users.globexAdmin, exact: true })).toBeVisible();
});
