// scripts/launcher.mjs: a command runs from a cached bundle that is rebuilt whenever a file it was
// built from changes, and runs started at once never see a half-written bundle. Exercised on a
// small project of its own in a temporary folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runNode } from "./cli.testing";
import { bundleFile, ensureBundle, INLINED_PACKAGES, staleReason } from "./launcher.mjs";

const LAUNCHER = pathToFileURL(path.resolve("scripts", "launcher.mjs")).href;
const ENTRY = "scripts/entry.ts";
let root: string;
let cacheDir: string;
const opts = () => ({ root, cacheDir });

/** Writes a file of the fixture project, dated `secondsAgo` (old enough not to count as changing under the build). */
function put(rel: string, text: string, secondsAgo = 60) {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  age(rel, secondsAgo);
}
function age(rel: string, secondsAgo: number) {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path.join(root, rel), t, t);
}

/** `node scripts/<x>.mjs` of the fixture: runScript(entry) through the launcher, in a process of its own. */
const launch = (entry: string) =>
  runNode(["--input-type=module", "-e", `import { runScript } from ${JSON.stringify(LAUNCHER)}; await runScript(${JSON.stringify(entry)}, ${JSON.stringify(opts())});`], { ETABLERA_LAUNCHER_DEBUG: "" });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "etablera-launcher-"));
  cacheDir = path.join(root, "node_modules", ".cache", "etablera");
  put("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, paths: { "@/*": ["./*"] } } }));
  put("package-lock.json", "{}\n");
  put("lib/value.ts", 'export const value: string = "one";\n');
  put(ENTRY, 'import { join } from "node:path";\nimport { value } from "@/lib/value";\nconsole.log = console.error;\nconsole.log("a log line");\nprocess.stdout.write(JSON.stringify({ value, joined: join("a", "b") }) + "\\n");\n');
  for (const dir of ["lib", "scripts"]) age(dir, 60);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the launcher's bundle cache", () => {
  it("builds on first use, resolving @/ paths, and reuses the bundle while nothing changed", async () => {
    const first = await ensureBundle(ENTRY, opts());
    expect(first.rebuilt).toBe("no bundle yet");
    expect(first.file).toBe(bundleFile(ENTRY, opts()));
    expect(first.file.startsWith(cacheDir)).toBe(true);
    const stamp = JSON.parse(readFileSync(first.file, "utf8").split("\n")[0].replace("// etablera-bundle ", ""));
    expect(Object.keys(stamp.files)).toEqual(expect.arrayContaining(["lib/value.ts", ENTRY, "lib", "scripts", "tsconfig.json", "package-lock.json"]));
    expect(stamp.unsettled).toBeUndefined();
    expect(staleReason(first.file, opts())).toBeNull();
    expect((await ensureBundle(ENTRY, opts())).rebuilt).toBeNull();

    const r = await launch(ENTRY);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"value":"one","joined":"a/b"}\n');
    expect(r.stderr).toBe("a log line\n");
  });

  it("rebuilds when a source file changes, even to the same size", async () => {
    const { file } = await ensureBundle(ENTRY, opts());
    put("lib/value.ts", 'export const value: string = "two";\n', 30);
    expect(staleReason(file, opts())).toBe("lib/value.ts changed");
    expect((await ensureBundle(ENTRY, opts())).rebuilt).toBe("lib/value.ts changed");
    expect(staleReason(file, opts())).toBeNull();
    expect((await launch(ENTRY)).stdout).toBe('{"value":"two","joined":"a/b"}\n');
  });

  it("does not trust a bundle built right after an edit (the file may change again within its mtime's resolution)", async () => {
    const { file } = await ensureBundle(ENTRY, opts());
    writeFileSync(path.join(root, "lib/value.ts"), 'export const value: string = "new";\n');
    expect((await ensureBundle(ENTRY, opts())).rebuilt).toBe("lib/value.ts changed");
    expect(staleReason(file, opts())).toBe("lib/value.ts changed while the bundle was built");
    age("lib/value.ts", 30);
    await ensureBundle(ENTRY, opts());
    expect(staleReason(file, opts())).toBeNull();
  });

  it("rebuilds when package-lock.json or tsconfig.json changes, a file appears beside an input, or an input is gone", async () => {
    const { file } = await ensureBundle(ENTRY, opts());
    age("package-lock.json", 10);
    expect(staleReason(file, opts())).toBe("package-lock.json changed");
    await ensureBundle(ENTRY, opts());
    age("tsconfig.json", 10);
    expect(staleReason(file, opts())).toBe("tsconfig.json changed");
    await ensureBundle(ENTRY, opts());
    put("lib/value/index.ts", 'export const value = "shadow";\n');
    age("lib", 10);
    expect(staleReason(file, opts())).toBe("lib changed");
    await ensureBundle(ENTRY, opts());
    rmSync(path.join(root, "lib/value.ts"));
    expect(staleReason(file, opts())).toBe("lib/value.ts is gone");
  });

  it("reads a stamp longer than its first read, and rebuilds a bundle without one", async () => {
    const { file } = await ensureBundle(ENTRY, opts());
    const [head, ...code] = readFileSync(file, "utf8").split("\n");
    const stamp = JSON.parse(head.replace("// etablera-bundle ", ""));
    writeFileSync(file, [`// etablera-bundle ${JSON.stringify({ ...stamp, pad: "x".repeat(40_000) })}`, ...code].join("\n"));
    expect(staleReason(file, opts())).toBeNull();
    writeFileSync(file, code.join("\n"));
    expect(staleReason(file, opts())).toBe("the bundle has no stamp");
    writeFileSync(file, "");
    expect(staleReason(file, opts())).toBe("the bundle has no stamp");
  });

  it("keeps a bundle whole when several runs build it at once", async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () => launch(ENTRY)));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('{"value":"one","joined":"a/b"}\n');
    }
    expect(readdirSync(cacheDir)).toEqual([path.basename(bundleFile(ENTRY, opts()))]);
    expect(staleReason(bundleFile(ENTRY, opts()), opts())).toBeNull();
  });

  it("exits 1 with the compiler's message on stderr and nothing on stdout when the source does not build", async () => {
    put("scripts/broken.ts", "export const x = ;\n");
    const r = await launch("scripts/broken.ts");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^broken: could not build scripts\/broken\.ts:\nscripts\/broken\.ts:1:\d+: /);
  });

  it("inlines drizzle-orm into the report's bundle, stamped by its package.json, and keeps other packages external", async () => {
    const cache = path.resolve("node_modules", ".cache", `etablera-launcher-test-${process.pid}`);
    try {
      const { file } = await ensureBundle("scripts/report.ts", { cacheDir: cache });
      const text = readFileSync(file, "utf8");
      expect([...INLINED_PACKAGES]).toEqual(["drizzle-orm"]);
      expect(text).not.toMatch(/from "drizzle-orm/);
      expect(text).toMatch(/from "postgres"/);
      expect(text).toMatch(/from "@electric-sql\/pglite"/);
      expect(text.split("\n")[0]).toContain('"node_modules/drizzle-orm/package.json"');
      expect(text.split("\n")[0]).toContain('"lib/metrics/report.ts"');
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
