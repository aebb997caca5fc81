import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { users } from "./seed";
import { signInAs } from "./sign-in";

/** The console's shell: the user menu, the skip link, "/" to search, titles, narrow navigation. */

test("the header's user name opens a menu with My Profile and Sign out, by keyboard", async ({ page }) => {
  await signInAs(page, users.viewer);
  await page.goto("/roles");
  const banner = page.getByRole("banner");
  const menuButton = banner.getByRole("button", { name: /Victor Viewer/ });
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(banner.getByRole("link", { name: "My Profile" })).toBeHidden();

  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await expect(banner.getByRole("link", { name: "My Profile" })).toBeVisible();
  await expect(banner.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(banner.getByRole("link", { name: "My Profile" })).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(banner.getByRole("link", { name: "My Profile" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { name: "My Profile" })).toBeVisible();
  await expect(banner.getByRole("link", { name: "My Profile" })).toBeHidden();

  await menuButton.click();
  await banner.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a skip link leads past the navigation, and / focuses the page's search unless typing", async ({ page }) => {
  await signInAs(page, users.viewer);
  await page.goto("/activity");
  await expect(page).toHaveTitle("Activity · SCIM Console");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();

  const search = page.getByRole("searchbox", { name: "Person" });
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await search.fill("");
  // Typing "/" in a field is a character, not the shortcut.
  const status = page.getByRole("textbox", { name: "Status" });
  await status.focus();
  await page.keyboard.type("4/");
  await expect(status).toBeFocused();
  await expect(status).toHaveValue("4/");
});

test("the favicon is served, and detail pages title their subject", async ({ page, request }) => {
  await signInAs(page, users.owner);
  await page.goto("/settings/integrations");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toMatch(/^\/icon\.svg/);
  expect((await request.get(icon!)).status()).toBe(200);
  await page.getByRole("link", { name: "Microsoft Entra ID", exact: true }).click();
  await expect(page).toHaveTitle("Microsoft Entra ID · Integrations · SCIM Console");
});

test("pages stream their data behind a skeleton, yet an unknown id still answers 404", async ({ page }) => {
  await signInAs(page, users.owner);
  // Each page finds its subject before its Suspense boundary: the status is decided first.
  for (const path of [`/people/${randomUUID()}`, `/roles/${randomUUID()}`, `/settings/integrations/${randomUUID()}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
  for (const [path, heading] of [
    ["/", "Overview"],
    ["/people", "People"],
    ["/roles", "Roles"],
    ["/activity", "Activity"],
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    // The skeleton gives way to the data: no "Loading…" status is left behind.
    await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  await page.getByRole("link", { name: "Microsoft Entra ID", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Secret tokens" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation folds behind a Menu button, and Revoke stays on screen in token tables", async ({ page }) => {
    await signInAs(page, users.owner);
    await page.goto("/roles");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    // The page's heading is in the first screen, not below a block of links.
    const heading = await page.getByRole("heading", { name: "Roles", level: 1 }).boundingBox();
    expect(heading!.y).toBeLessThan(200);

    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await nav.getByRole("link", { name: "Integrations" }).click();
    await expect(page).toHaveURL(/\/settings\/integrations$/);
    await expect(nav).toBeHidden();

    await page.goto("/settings/integrations");
    await page.getByRole("link", { name: "Microsoft Entra ID", exact: true }).click();
    const tokenRevoke = page.getByRole("table", { name: "Secret tokens" }).getByRole("button", { name: "Revoke" }).first();
    await expect(tokenRevoke).toBeVisible();
    const box = await tokenRevoke.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
