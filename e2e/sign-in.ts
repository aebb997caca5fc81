import { expect, type Page } from "@playwright/test";
import { password } from "./seed";

export async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Verifying an argon2 hash takes seconds on a machine busy with other work.
  await expect(page).not.toHaveURL(/\/sign-in$/);
}

/** Signs out through the header's user menu. */
export async function signOutFromMenu(page: Page) {
  await page.getByRole("banner").getByRole("button").click();
  await page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}
