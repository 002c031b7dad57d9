// Every page, route handler and server action in the code must be declared in the permission
// matrix (e2e/matrix.ts), so a new one cannot be forgotten; e2e/permission-matrix.spec.ts then
// exercises the pages and routes over HTTP for every kind of user.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGES, ROUTES, SERVER_ACTIONS, WHO } from "@/e2e/matrix";

const root = process.cwd();

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const appFiles = walk(path.join(root, "app")).map((f) => path.relative(path.join(root, "app"), f).split(path.sep).join("/"));
const sourceFiles = ["app", "lib"].flatMap((d) => walk(path.join(root, d))).filter((f) => /\.(ts|tsx)$/.test(f));

/** A file whose first statement is the "use server" directive (comments before it allowed). */
function isServerActionFile(file: string): boolean {
  const code = readFileSync(file, "utf8").replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/g, "");
  return /^\s*["']use server["']/.test(code);
}

function exportedNames(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const names = new Set<string>();
  for (const m of code.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Za-z0-9_$]+)/g)) names.add(m[1]);
  for (const m of code.matchAll(/export\s*\{([^}]+)\}/g)) for (const n of m[1].split(",")) names.add(n.trim().split(/\s+as\s+/).pop()!);
  return [...names].filter(Boolean).sort();
}

describe("permission matrix covers the code", () => {
  it("declares every page", () => {
    const pages = appFiles.filter((f) => /(^|\/)page\.tsx$/.test(f)).sort();
    expect(pages).toEqual(PAGES.map((p) => p.file).sort());
  });
  it("declares every route handler", () => {
    const routes = appFiles.filter((f) => /(^|\/)route\.ts$/.test(f)).sort();
    expect(routes).toEqual(ROUTES.map((r) => r.file).sort());
  });
  it("declares every server action file and every action in it", () => {
    const files = sourceFiles.filter(isServerActionFile).map((f) => path.relative(root, f).split(path.sep).join("/")).sort();
    expect(files).toEqual(Object.keys(SERVER_ACTIONS).sort());
    for (const file of files) expect(exportedNames(path.join(root, file)), file).toEqual(Object.keys(SERVER_ACTIONS[file]).sort());
  });
  it("has no inline server actions (\"use server\" inside a function) outside the declared files", () => {
    // An inline action would escape the file-level declaration above: keep actions in their own files.
    const inline = sourceFiles
      .filter((f) => !isServerActionFile(f) && !f.endsWith("matrix.test.ts"))
      .filter((f) => /^\s*["']use server["']/m.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(inline).toEqual([]);
  });
  it("states an outcome for every kind of user on every entry", () => {
    for (const e of [...PAGES, ...ROUTES]) expect(Object.keys(e.expect).sort(), e.file).toEqual([...WHO].sort());
  });
});
