// Types of scripts/launcher.mjs (plain JavaScript, so that it runs without compiling) for its tests.
export interface LauncherOptions {
  /** The project's root; entry and the stamp's paths are relative to it. */
  root?: string;
  /** Where bundles are kept; must lie inside root so that external packages resolve from it. */
  cacheDir?: string;
}
export const ROOT: string;
export const INLINED_PACKAGES: Set<string>;
export function bundleFile(entry: string, opts?: LauncherOptions): string;
export function staleReason(file: string, opts?: LauncherOptions): string | null;
export function buildBundle(entry: string, file: string, opts?: LauncherOptions): Promise<void>;
export function ensureBundle(entry: string, opts?: LauncherOptions): Promise<{ file: string; rebuilt: string | null }>;
export function runScript(entry: string, opts?: LauncherOptions): Promise<void>;
