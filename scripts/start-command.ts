// How the production server starts, read from package.json's "start" script, so that the e2e
// server and the benchmark run exactly what `npm start` runs (its Node flags included) without
// an npm wrapper process of their own.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface StartCommand {
  /** The Node flags of `npm start`, e.g. the heap limit. */
  nodeFlags: string[];
  /** Node, its flags, Next's bin and `start` with the given port and host. */
  args: (port: number | string, host: string) => string[];
}

export function parseStartScript(script: string, root: string): StartCommand {
  const m = /^node((?:\s+--[a-z0-9-]+(?:=\S+)?)*)\s+(\S+)\s+start$/.exec(script.trim());
  if (!m) throw new Error(`package.json's start script is not "node [--flags] <script or Next's bin> start": ${script}`);
  const nodeFlags = m[1].trim().split(/\s+/).filter(Boolean);
  const bin = path.resolve(root, m[2]);
  return { nodeFlags, args: (port, host) => [...nodeFlags, bin, "start", "-p", String(port), "-H", host] };
}

export function startCommand(root = process.cwd()): StartCommand {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return parseStartScript(pkg.scripts.start, root);
}
