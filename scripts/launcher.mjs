// Runs one of the project's TypeScript scripts from a cached esbuild bundle, so a command starts in
// Node's time instead of tsx's (tsx compiled the script's import graph on every run: ~0.9 s of
// `npm run report`, whose own work is ~13 ms). Plain JavaScript on purpose: nothing to compile here.
//
// The bundle is rebuilt whenever it could differ from the source: each bundle starts with a stamp
// line listing every file esbuild read (from its metafile), the folders they sit in (a file added
// there could change what an import resolves to), tsconfig.json, package-lock.json, the package.json
// of each inlined package and this file, each with its mtime and size. A run stats those (~2 ms)
// and rebuilds when any of them changed or is gone. Packages other than the inlined
// ones stay external (loaded from node_modules as usual), so the bundle lives under
// node_modules/.cache, where their names resolve; `npm ci` starts it afresh.
// Two runs at once are safe: each writes its bundle to a temporary file and renames it into place.
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SELF = fileURLToPath(import.meta.url);
/** The project's root (this file is in scripts/). */
export const ROOT = path.resolve(path.dirname(SELF), "..");
const STAMP = "// etablera-bundle ";
const STAMP_VERSION = 1;
/**
 * A file changed this shortly before (or during) a build may have changed again after esbuild read
 * it without its mtime showing it (coarse timestamps on some file systems); such a bundle is used
 * once and rebuilt on the next run.
 */
const SETTLE_MS = 2000;

/** Where the bundle of `entry` is kept: ETABLERA_BUNDLE_CACHE (must lie inside the project) or node_modules/.cache/etablera. */
export function bundleFile(entry, { root = ROOT, cacheDir } = {}) {
  const dir = cacheDir ?? (process.env.ETABLERA_BUNDLE_CACHE ? path.resolve(root, process.env.ETABLERA_BUNDLE_CACHE) : path.join(root, "node_modules", ".cache", "etablera"));
  return path.join(dir, entry.replace(/\.[cm]?tsx?$/, "").replace(/[\\/]/g, "__") + ".mjs");
}

/** [mtimeMs, size] of a file or folder, or null when it is gone. */
function fingerprint(abs) {
  try {
    const st = statSync(abs);
    return [st.mtimeMs, st.size];
  } catch {
    return null;
  }
}

/** The bundle's first line (its stamp), or null when there is no bundle. Reads only that far: decoding the whole bundle took ~5 ms. */
function readStampLine(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    let buf = Buffer.alloc(16 * 1024);
    let len = 0;
    for (;;) {
      const n = readSync(fd, buf, len, buf.length - len, len);
      const nl = buf.indexOf(10, len);
      len += n;
      if (nl !== -1 && nl < len) return buf.toString("utf8", 0, nl);
      if (n === 0) return buf.toString("utf8", 0, len);
      if (len === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
    }
  } finally {
    closeSync(fd);
  }
}

/** Why the bundle must be rebuilt, or null when it is up to date with every file it was built from. */
export function staleReason(file, { root = ROOT } = {}) {
  const head = readStampLine(file);
  if (head === null) return "no bundle yet";
  if (!head.startsWith(STAMP)) return "the bundle has no stamp";
  let stamp;
  try {
    stamp = JSON.parse(head.slice(STAMP.length));
  } catch {
    return "the bundle's stamp is unreadable";
  }
  if (stamp.v !== STAMP_VERSION) return "the bundle is from another version of the launcher";
  if (stamp.unsettled) return `${stamp.unsettled} changed while the bundle was built`;
  for (const [rel, was] of Object.entries(stamp.files)) {
    const now = fingerprint(path.resolve(root, rel));
    if (now === null) return `${rel} is gone`;
    if (now[0] !== was[0] || now[1] !== was[1]) return `${rel} changed`;
  }
  return null;
}

/**
 * Packages inlined into the bundle: plain JavaScript that reads no file of its own, but is spread
 * over hundreds of small modules that Node would otherwise resolve and load one by one on every
 * run (drizzle-orm: ~60 ms CPU of the ~340 ms a report took with it external). Every other package
 * stays external and loads from node_modules as under tsx (native addons, PGlite's WASM beside it).
 */
export const INLINED_PACKAGES = new Set(["drizzle-orm"]);

/** Marks every package import external except INLINED_PACKAGES; `@/…` resolves through tsconfig's paths. */
const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@/")) return undefined;
      const parts = args.path.split("/");
      const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
      return INLINED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Bundles `entry` (a path relative to root) into `file`, stamped with what it was built from. */
export async function buildBundle(entry, file, { root = ROOT } = {}) {
  const started = Date.now();
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [externalPackages],
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const all = Object.keys(result.metafile.inputs).filter((p) => !p.includes(":"));
  const inputs = all.filter((p) => !p.split(/[\\/]/).includes("node_modules"));
  // An inlined package's own files change only when it is reinstalled: its package.json stands for them.
  const packageJsons = all.flatMap((p) => {
    const m = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(p);
    return m ? [path.join(m[1], "package.json")] : [];
  });
  const watched = new Set([...inputs, ...inputs.map((p) => path.dirname(p)), ...packageJsons, "tsconfig.json", "package-lock.json", path.relative(root, SELF)]);
  const files = {};
  let unsettled;
  for (const rel of watched) {
    const fp = fingerprint(path.resolve(root, rel));
    if (fp === null) continue; // e.g. no package-lock.json in a test fixture; a file that appears later is caught by its folder
    files[rel] = fp;
    if (fp[0] > started - SETTLE_MS && !unsettled) unsettled = rel;
  }
  const code = result.outputFiles[0].text.replace(/^#!.*\n/, "");
  const stamp = JSON.stringify(unsettled ? { v: STAMP_VERSION, unsettled, files } : { v: STAMP_VERSION, files });
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, `${STAMP}${stamp}\n${code}`);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The bundle of `entry`, rebuilt first if it is out of date. Returns its path and why it was rebuilt (null: reused). */
export async function ensureBundle(entry, opts = {}) {
  const file = bundleFile(entry, opts);
  const reason = staleReason(file, opts);
  if (reason !== null) await buildBundle(entry, file, opts);
  return { file, rebuilt: reason };
}

function describeBuildError(err) {
  if (err && Array.isArray(err.errors) && err.errors.length > 0) {
    return err.errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text)).join("\n");
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs `entry` (relative to the project's root) with the process's arguments, as `tsx entry` would.
 * When the cache cannot be written (a read-only node_modules), it falls back to tsx in a child process.
 */
export async function runScript(entry, opts = {}) {
  const name = path.basename(entry).replace(/\.[cm]?tsx?$/, "");
  let bundle;
  try {
    const { file, rebuilt } = await ensureBundle(entry, opts);
    if (rebuilt !== null && process.env.ETABLERA_LAUNCHER_DEBUG === "1") console.error(`${name}: rebuilt ${path.relative(process.cwd(), file)} (${rebuilt})`);
    bundle = file;
  } catch (err) {
    if (err && ["EACCES", "EPERM", "EROFS"].includes(err.code)) {
      // As the command ran before the launcher: slow to start, but it runs.
      console.error(`${name}: cannot write the bundle cache (${err.code}), running through tsx instead`);
      const root = opts.root ?? ROOT;
      const child = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, entry), ...process.argv.slice(2)], { stdio: "inherit" });
      process.exit(child.status ?? 1);
    }
    console.error(`${name}: could not build ${entry}:\n${describeBuildError(err)}`);
    process.exit(1);
  }
  await import(pathToFileURL(bundle).href);
}
