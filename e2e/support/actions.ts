// Server action ids from the production build's manifest, so a test can post an action directly
// (as an attacker would) without scraping the client bundle.
import { readFileSync } from "node:fs";
import path from "node:path";

interface Manifest {
  node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
}

export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!hit) throw new Error(`no server action named ${exportedName} in the build`);
  return hit[0];
}
