import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages load from node_modules at run time, not from the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  devIndicators: false,
  // Identity providers call /Users/ as often as /Users: both answer, neither redirects.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
