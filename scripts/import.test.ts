// `npm run import` (node scripts/import.mjs, which runs import.ts from a cached bundle): the
// summary line on stdout and exit 0; every error line and exit 1 with nothing written; a dry run
// writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { openPglite } from "@/db/client";
import * as s from "@/db/schema";
import { folder, P_HEADER, VALID } from "@/lib/import/testing";
import { runCli } from "./cli.testing";

let dir: string;
/** A bundle cache of this file's own, so the first run builds it whatever other runs left behind. */
const cache = path.join("node_modules", ".cache", `etablera-test-${process.pid}-${Date.now()}`);
const env = () => ({ PGLITE_DIR: dir, DATABASE_URL: "", ETABLERA_BUNDLE_CACHE: cache, ETABLERA_LAUNCHER_DEBUG: "" });

async function participantCount() {
  const handle = openPglite(dir);
  try {
    const [r] = await handle.db.select({ n: count() }).from(s.participants);
    return r.n;
  } finally {
    await handle.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "etablera-import-cli-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

// Each case starts the command several times (PGlite, migrations): minutes on a busy machine.
describe("npm run import", { timeout: 240_000 }, () => {
  it("needs --municipality on an empty database and creates the tenant", async () => {
    const data = folder(VALID);
    const none = await runCli("import.mjs", [data], env());
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/--municipality/);
    const dry = await runCli("import.mjs", [data, "--dry-run", "--municipality", "1287"], env());
    expect(dry.code).toBe(0);
    expect(await participantCount()).toBe(0);
    const ok = await runCli("import.mjs", [data, "--municipality", "1287", "--name", "Trelleborg"], env());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("imported: 2 participants, 3 activities, 1 outcomes; updated: 0\n");
    // Now the only tenant: no flag needed.
    const again = await runCli("import.mjs", [data], env());
    expect(again.stdout).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 6\n");
    expect(await participantCount()).toBe(2);
  });

  it("lists every error as file:row: column: message, exits 1 and writes nothing", async () => {
    const data = folder({ participants: [P_HEADER, "Z1,,A,B,1990-01-01,Q,,2024-01-01,,,,", "Z2,,A,,1990-01-01,K,,2024-13-01,,,,"].join("\n") });
    const r = await runCli("import.mjs", [data], env());
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual([
      'participants.csv:2: gender: invalid value, allowed: K, M, X; given: "Q"',
      "participants.csv:3: last_name: value is required",
      'participants.csv:3: reception_date: invalid date, use YYYY-MM-DD; given: "2024-13-01"',
    ]);
    expect(await participantCount()).toBe(2);
  });

  it("writes warnings and notices to stderr: stdout is the summary line alone, the exit code 0", async () => {
    const future = `${new Date().getUTCFullYear() + 2}-01-01`;
    const data = folder({ participants: [P_HEADER, `W1,,Warn,Ing,1990-01-01,K,,2024-01-01,,2024-02-01,${future},`].join("\n") });
    const r = await runCli("import.mjs", [data], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("imported: 1 participants, 0 activities, 0 outcomes; updated: 0\n");
    expect(r.stderr).toContain(`participants.csv:2: programme_end: warning: the date ${future} is in the future; the app's forms do not accept it`);
    expect(r.stderr).toContain('import: 1 participant(s) have no coordinator and go to the list "Ej tilldelade" (unassigned)');
  });

  it("names a file that is not UTF-8 and its row, in the contract's error format", async () => {
    const data = mkdtempSync(path.join(tmpdir(), "etablera-import-cp1252-"));
    writeFileSync(path.join(data, "participants.csv"), Buffer.from([P_HEADER, "C1,,Åsa,Berg,1990-01-01,K,,2024-01-01,,,,"].join("\r\n"), "latin1"));
    const r = await runCli("import.mjs", [data], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'participants.csv:2: -: the file is not saved as UTF-8 (this row has characters that cannot be read, e.g. å, ä or ö from an older Excel); save it in Excel as "CSV UTF-8 (Comma delimited)" and try again\n',
    );
  });

  it("refuses a path that does not exist", async () => {
    const r = await runCli("import.mjs", [path.join(dir, "nope")], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
  });
});
