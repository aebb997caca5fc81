import { expect, test } from "@playwright/test";

test("with the database down, health answers 503 and pages explain instead of crashing", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });

  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "The console could not load this page" })).toBeVisible();
  await expect(page.getByText("database being unreachable")).toBeVisible();
});
