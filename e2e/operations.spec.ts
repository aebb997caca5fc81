import { expect, test } from "@playwright/test";

/** What a load balancer and a metrics scraper see of a running instance (no METRICS_TOKEN set here). */

test("readiness answers 200 while serving, and metrics are not exposed without a token configured", async ({ request }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, state: "serving" });
  expect(ready.headers()["cache-control"]).toBe("no-store");

  for (const authorization of [undefined, "Bearer anything-at-all-here"]) {
    const metrics = await request.get("/api/metrics", { headers: authorization ? { authorization } : {} });
    expect(metrics.status()).toBe(404);
    expect(await metrics.text()).toBe("");
  }
});
