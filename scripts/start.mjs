// `npm start`: Next's own `next start`, given the configuration its build recorded instead of
// reading next.config.ts again. To read a .ts config, `next start` loads the TypeScript compiler
// and SWC's native binary (~65 MB of the server's memory, kept for its lifetime, and most of a
// second of its start) only to get the object the build already wrote to
// .next/required-server-files.json. Next's standalone server (`output: "standalone"`) hands that
// object over the same way, through __NEXT_PRIVATE_STANDALONE_CONFIG, and so does this; the rest
// is `next start` as it is, with the same arguments. Plain JavaScript: nothing to compile here.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The configuration the build in `<dir>/.next` was made with, as JSON; undefined without a build. */
export function builtConfig(dir) {
  const manifest = path.join(dir, ".next", "required-server-files.json");
  if (!existsSync(manifest)) return undefined;
  const { config } = JSON.parse(readFileSync(manifest, "utf8"));
  return config && typeof config === "object" ? JSON.stringify(config) : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Without a build `next start` says so itself.
  const config = builtConfig(process.cwd());
  if (config && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = config;
  const bin = require.resolve("next/dist/bin/next");
  process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
  require(bin);
}
