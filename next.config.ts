import type { NextConfig } from "next";
import { apiContentSecurityPolicy, staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages load from node_modules at run time, not from the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  devIndicators: false,
  // Identity providers call /Users/ as often as /Users: both answer, neither redirects.
  skipTrailingSlashRedirect: true,
  // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
