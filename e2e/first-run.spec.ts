import { expect, test } from "@playwright/test";
import { signOutFromMenu } from "./sign-in";

const owner = { organisation: "Initech", name: "Peter Gibbons", email: "peter@initech.test", password: "a long and happy passphrase" };

test.describe.configure({ mode: "serial" });

test("a fresh install leads to setup, which validates on the server and creates the owner", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: /set up your console/i })).toBeVisible();

  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: /create organisation/i }).click();
  await expect(page.getByText("Enter a name").first()).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Organisation name").fill(owner.organisation);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: /create organisation/i }).click();

  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByText(owner.organisation).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("No integration yet.")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(page.getByRole("cell", { name: owner.email, exact: true })).toBeVisible();
});

test("setup is closed once the owner exists", async ({ page }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/(\/sign-in|:\d+\/)$/);
});

test("signing out, a wrong password is refused with a message, the right one signs in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("banner").getByText(owner.name)).toBeVisible();

  await signOutFromMenu(page);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in$/);
});
