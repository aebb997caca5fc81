import { expect, test, type Browser, type Page } from "@playwright/test";
import { password, users } from "./seed";
import { signInAs, signOutFromMenu } from "./sign-in";

// One user's sessions and password change from test to test.
test.describe.configure({ mode: "serial" });

/** Another browser holding a copy of `page`'s cookies, as someone who copied them would. */
async function copyCookies(browser: Browser, page: Page, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(await page.context().cookies());
  return context.newPage();
}

/** A second browser signed in separately as the same user. */
async function signInElsewhere(browser: Browser, baseURL: string | undefined, pass = password): Promise<Page> {
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(users.sessions);
  await other.getByLabel("Password").fill(pass);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/:\d+\/$/);
  return other;
}

async function expectSignedOut(page: Page) {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in$/);
}

test("a copied session cookie stops working once its session signs out", async ({ browser, page, baseURL }) => {
  await signInAs(page, users.sessions);
  const copy = await copyCookies(browser, page, baseURL);
  await copy.goto("/profile");
  await expect(copy.getByRole("heading", { name: "My Profile" })).toBeVisible();

  await signOutFromMenu(page);
  await expectSignedOut(copy);
});

test("sign out everywhere ends every session of the user, this one included", async ({ browser, page, baseURL }) => {
  await signInAs(page, users.sessions);
  const other = await signInElsewhere(browser, baseURL);
  await page.goto("/profile");
  const sessions = page.getByRole("list", { name: "Active sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This browser")).toHaveCount(1);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectSignedOut(other);
});

test("a password change keeps this session, ends the others, and never sends a password back", async ({ browser, page, baseURL }) => {
  const next = "a brand new passphrase for sid";
  await signInAs(page, users.sessions);
  const other = await signInElsewhere(browser, baseURL);
  await page.goto("/profile");

  await page.getByLabel("Current password").fill("not my current password");
  await page.getByLabel("New password").fill(next);
  // The action's answer is read on its way to the page: once the page re-renders, the
  // browser may already have dropped the body Playwright would ask it for.
  let body = "";
  await page.route("**/profile", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    const text = await response.text();
    body += text;
    await route.fulfill({ response, body: text });
  });
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password")).toBeVisible();
  await page.unroute("**/profile");
  expect(body).toContain("That is not your current password");
  expect(body).not.toContain("not my current password");
  expect(body).not.toContain(next);

  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. 1 other session was signed out.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "My Profile" })).toBeVisible();
  await expectSignedOut(other);
});
