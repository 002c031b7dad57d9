import type { NextConfig } from "next";
import { NoModuleIdZero } from "./lib/build/module-ids";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder, and argon2 is a
  // native addon: both must be required at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  // Static chunks bypass the middleware (which sets the full set of security headers).
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
  // A client component given the module id 0 would be left out of the client reference manifest
  // (lib/build/module-ids.ts).
  webpack(config: { plugins?: unknown[] }) {
    config.plugins = [...(config.plugins ?? []), new NoModuleIdZero()];
    return config;
  },
  experimental: {
    serverActions: { bodySizeLimit: "50mb" },
  },
};

export default nextConfig;
