// Running the project's command-line tools in tests, against a database the test prepared.
import { spawn } from "node:child_process";
import path from "node:path";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx scripts/<script>` (a `.mjs` launcher: `node scripts/<script>`, as its npm script does)
 * with the given args; env decides the database (PGLITE_DIR / DATABASE_URL).
 */
export function runCli(script: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  const runner = script.endsWith(".mjs") ? [] : [path.join("node_modules", "tsx", "dist", "cli.mjs")];
  return runNode([...runner, path.join("scripts", script), ...args], env);
}

/** Runs `node <args>` with env added to this process's, collecting its output. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
