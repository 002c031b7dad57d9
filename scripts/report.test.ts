// `npm run report` (node scripts/report.mjs, which runs report.ts from a cached bundle): stdout
// carries exactly the JSON (or CSV) of the spec, also on the run that builds the bundle; bad flags
// and unknown municipalities exit non-zero with a clear message on stderr.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { addPeople, makeMunicipality, repeat } from "@/lib/metrics/fixtures";
import { runCli } from "./cli.testing";

let dir: string;
/** A bundle cache of this file's own, so the first run builds it whatever other runs left behind. */
const cache = path.join("node_modules", ".cache", `etablera-test-${process.pid}-${Date.now()}`);
const env = () => ({ PGLITE_DIR: dir, DATABASE_URL: "", ETABLERA_BUNDLE_CACHE: cache, ETABLERA_LAUNCHER_DEBUG: "" });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "etablera-report-"));
  const handle = openPglite(dir);
  await handle.migrate();
  const m = await makeMunicipality(handle.db, "1287");
  await addPeople(handle.db, m.id, [
    ...repeat(6, (i) => ({ gender: "K" as const, reception: "2023-05-01", programmeEnd: "2025-02-01", outcome: i < 3 ? { status: "arbete" as const, recorded: "2025-05-15" } : undefined, activities: [{ type: "praktik" as const, start: "2023-08-09" }] })),
    ...repeat(5, () => ({ gender: "M" as const, reception: "2023-05-01", programmeEnd: "2025-02-01", outcome: { status: "studier" as const, recorded: "2025-05-15" } })),
    { gender: "X", reception: "2026-01-10", activities: [{ type: "sfi", start: "2026-02-01" }] },
  ]);
  await handle.close();
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe("npm run report", () => {
  it("prints only the JSON object of the spec on stdout, on the run that builds its bundle and on the next", async () => {
    const bundle = path.join(cache, "scripts__report.mjs");
    expect(existsSync(bundle)).toBe(false);
    const first = await runCli("report.mjs", ["--as-of", "2026-06-30", "--format", "json"], env());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(JSON.stringify(JSON.parse(first.stdout), null, 2) + "\n");
    const built = statSync(bundle).mtimeMs;
    const settled = !readFileSync(bundle, "utf8").split("\n")[0].includes('"unsettled"');
    const r = await runCli("report.mjs", ["--as-of", "2026-06-30", "--format", "json"], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first.stdout);
    // Reused, unless a source was edited seconds before the first run (then it is built once more; launcher.mjs).
    if (settled) expect(statSync(bundle).mtimeMs).toBe(built);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).slice(0, 6)).toEqual(["asOf", "municipality", "minN", "outcome90", "firstWorkplace", "idle"]);
    expect(Object.keys(report).slice(6)).toEqual(["workplaceNow", "completeness", "sfiResults", "healthCoverage", "leadTimes"]);
    expect(report).toMatchObject({ asOf: "2026-06-30", municipality: "1287", minN: 10 });
    expect(report.outcome90).toEqual([
      { cohort: "2025", group: "total", n: 11, recorded: 8, work: 3, studies: 5, workAndStudies: 0, share: 0.7273 },
      { cohort: "2025", group: "K", n: 6, recorded: 3, work: 3, studies: 0, workAndStudies: 0, share: null },
      { cohort: "2025", group: "M", n: 5, recorded: 5, work: 0, studies: 5, workAndStudies: 0, share: null },
    ]);
    expect(report.firstWorkplace[0]).toEqual({ cohort: "2023", group: "total", n: 11, reached: 6, medianDays: 100, shareWithin365: 0.5455 });
    expect(report.firstWorkplace.map((r: { cohort: string; group: string }) => `${r.cohort}/${r.group}`)).toEqual([
      "2023/total", "2023/K", "2023/M", "2026/total", "2026/K", "2026/M",
    ]);
    expect(report.idle).toEqual({ active: 1, idle: 0 });
  });

  it("honours --min-n and --municipality", async () => {
    const r = await runCli("report.mjs", ["--as-of", "2026-06-30", "--municipality", "1287", "--min-n", "5", "--format", "json"], env());
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.minN).toBe(5);
    expect(report.outcome90[1].share).toBe(0.5);
  });

  it("prints the same rows as CSV, one table after the other", async () => {
    const r = await runCli("report.mjs", ["--as-of", "2026-06-30", "--format", "csv"], env());
    expect(r.code).toBe(0);
    const tables = r.stdout.trim().split("\n\n");
    expect(tables).toHaveLength(3);
    expect(tables[0].split("\n")[0]).toBe("indicator,cohort,group,n,recorded,work,studies,workAndStudies,share");
    expect(tables[0].split("\n")[1]).toBe("outcome90,2025,total,11,8,3,5,0,0.7273");
    expect(tables[2]).toBe("indicator,active,idle\nidle,1,0");
  });

  it("refuses a bad flag, a bad date and an unknown municipality with exit code 2", async () => {
    for (const args of [["--as-of", "2026-02-30"], ["--what"], ["--format", "xml"], ["--min-n", "-1"], ["--municipality", "9998"]]) {
      const r = await runCli("report.mjs", args, env());
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/report: /);
    }
  });
});
