import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseStartScript, startCommand } from "./start-command";
import { builtConfig } from "./start.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function buildDir(config: unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), "etablera-start-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, ".next"));
  writeFileSync(path.join(dir, ".next", "required-server-files.json"), JSON.stringify({ version: 1, config, files: [] }));
  return dir;
}

describe("start command", () => {
  it("is what npm start runs: node with its flags and the start script", () => {
    const cmd = startCommand();
    expect(cmd.nodeFlags).toContain("--max-old-space-size=1024");
    const args = cmd.args(3100, "127.0.0.1");
    expect(args[cmd.nodeFlags.length]).toMatch(/scripts[/\\]start\.mjs$/);
    expect(existsSync(args[cmd.nodeFlags.length])).toBe(true);
    expect(args.slice(-5)).toEqual(["start", "-p", "3100", "-H", "127.0.0.1"]);
  });
  it("refuses a start script it cannot run the same way", () => {
    expect(() => parseStartScript("next start", "/x")).toThrow(/start script/);
    expect(parseStartScript("node node_modules/next/dist/bin/next start", "/x").nodeFlags).toEqual([]);
  });
});

describe("the start script", () => {
  it("hands Next the configuration the build recorded, or nothing without a build", () => {
    const config = { distDir: ".next", poweredByHeader: false, serverExternalPackages: ["postgres"] };
    expect(JSON.parse(builtConfig(buildDir(config))!)).toEqual(config);
    const empty = mkdtempSync(path.join(tmpdir(), "etablera-start-"));
    dirs.push(empty);
    expect(builtConfig(empty)).toBeUndefined();
  });

  it("is honoured by this version of Next: the recorded configuration is used and no TypeScript compiler is loaded", () => {
    // A project folder with a next.config.ts that differs from what the build recorded.
    const config = { distDir: ".next", poweredByHeader: false, marker: "recorded-by-the-build" };
    const dir = buildDir(config);
    writeFileSync(path.join(dir, "next.config.ts"), 'const c: { marker: string } = { marker: "read-from-the-file" };\nexport default c;\n');
    const load = (handOver: boolean) => `
      const { builtConfig } = await import(${JSON.stringify(path.resolve("scripts/start.mjs"))});
      if (${handOver}) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = builtConfig(${JSON.stringify(dir)});
      const { createRequire } = await import("node:module");
      const require = createRequire(${JSON.stringify(path.resolve("package.json"))});
      const { default: loadConfig } = require("next/dist/server/config");
      const { PHASE_PRODUCTION_SERVER } = require("next/constants");
      const conf = await loadConfig(PHASE_PRODUCTION_SERVER, ${JSON.stringify(dir)});
      const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](typescript|@next[\\\\/]swc)/.test(k));
      console.log(JSON.stringify({ marker: conf.marker, loaded }));
    `;
    const run = (handOver: boolean) => {
      const p = spawnSync(process.execPath, ["--input-type=module", "-e", load(handOver)], { encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
      expect(p.status, p.stderr).toBe(0);
      return JSON.parse(p.stdout.trim().split("\n").pop()!) as { marker: string; loaded: string[] };
    };
    expect(run(true)).toEqual({ marker: "recorded-by-the-build", loaded: [] });
    // Without the hand-over, Next compiles next.config.ts with the TypeScript compiler and SWC.
    const plain = run(false);
    expect(plain.marker).toBe("read-from-the-file");
    expect(plain.loaded.length).toBeGreaterThan(0);
  });
});
