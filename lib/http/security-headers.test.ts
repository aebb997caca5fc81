import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pageContentSecurityPolicy } from "./security-headers";

/** proxy.ts reads APP_URL once per process (lib/env caches it): a fresh module per case. */
async function proxyWith(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  return (await import("@/proxy")).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("page security headers", () => {
  it("sends HSTS and upgrades requests only when the console is served over https", async () => {
    const secure = (await proxyWith("https://console.example.com"))(new NextRequest("https://console.example.com/sign-in"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");

    const plain = (await proxyWith("http://localhost:3000"))(new NextRequest("http://localhost:3000/sign-in"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("hands Next the same policy it sends, with a new nonce for every request", async () => {
    const proxy = await proxyWith("http://localhost:3000");
    const first = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const second = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const policy = first.headers.get("content-security-policy") ?? "";
    // NextResponse.next({ request: { headers } }) forwards request headers under this prefix.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(policy).not.toBe(second.headers.get("content-security-policy"));
  });

  it("redirects a signed-out console page to sign-in, with the headers, but not the sign-in page", async () => {
    const proxy = await proxyWith("http://localhost:3000");
    const redirected = proxy(new NextRequest("http://localhost:3000/settings/members?x=1"));
    expect(redirected.headers.get("location")).toBe("http://localhost:3000/sign-in");
    expect(redirected.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(proxy(new NextRequest("http://localhost:3000/sign-in")).headers.get("location")).toBeNull();
    expect(proxy(new NextRequest("http://localhost:3000/setup")).headers.get("location")).toBeNull();
  });

  it("allows only nonce-bearing scripts and what they load, and nothing inline", () => {
    const policy = pageContentSecurityPolicy("abc", { https: false, dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });
});
