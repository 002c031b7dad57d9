// Every link of the app goes through app/_components/Link.tsx, which turns prefetching off: an
// import of next/link elsewhere would bring back a server request per link in view.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

describe("links", () => {
  it("import next/link only in app/_components/Link.tsx, which sets prefetch={false}", () => {
    const root = process.cwd();
    const importers = ["app", "lib"]
      .flatMap((d) => walk(path.join(root, d)))
      .filter((f) => /from\s+["']next\/link["']/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f).split(path.sep).join("/"));
    expect(importers).toEqual(["app/_components/Link.tsx"]);
    expect(readFileSync(path.join(root, "app/_components/Link.tsx"), "utf8")).toMatch(/<NextLink \{\.\.\.props\} prefetch=\{false\} \/>/);
  });
});
