import { expect, test } from "@playwright/test";
import { password, users } from "./seed";
import { signInAs } from "./sign-in";

test("an admin adds a member, with the server's message for a bad password first", async ({ page }) => {
  await signInAs(page, users.owner);
  await page.goto("/settings/members");
  await page.getByLabel("Name", { exact: true }).fill("Sue Support");
  await page.getByLabel("Email").fill("sue@acme.test");
  await page.getByLabel("Role", { exact: true }).selectOption("support");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("sue@acme.test");

  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("sue@acme.test can now sign in")).toBeVisible();
  await expect(page.getByRole("cell", { name: "sue@acme.test", exact: true })).toBeVisible();
  await expect(page.getByLabel("Role of sue@acme.test")).toHaveValue("support");
});

test("the last admin of a tenant cannot be demoted", async ({ page }) => {
  await signInAs(page, users.globexAdmin);
  await page.goto("/settings/members");
  await page.getByLabel(`Role of ${users.globexAdmin}`).selectOption("viewer");
  await expect(page.getByText("A tenant needs at least one admin")).toBeVisible();
});
