import type { Page } from "@playwright/test";

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Runs `submit` and captures the server action request it makes to `url`, never delivering
 * it: what a user without the right then replays to prove the server refuses it.
 */
export async function captureAction(page: Page, url: string, submit: () => Promise<void>): Promise<CapturedAction> {
  const captured = new Promise<CapturedAction>((resolve) => {
    void page.route(url, async (route) => {
      const r = route.request();
      if (r.method() !== "POST" || !r.headers()["next-action"]) return route.continue();
      resolve({ url: r.url(), headers: r.headers(), body: r.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await submit();
  return captured;
}

/** Posts a captured server action again as whoever `page` is signed in as; returns the status. */
export async function replayAction(page: Page, action: CapturedAction): Promise<number> {
  const response = await page.request.post(action.url, {
    headers: { "next-action": action.headers["next-action"], "content-type": action.headers["content-type"], accept: "text/x-component" },
    data: action.body,
  });
  return response.status();
}
