// `npx tsx scripts/gen-import-fixture.ts <folder> [--participants N]`: writes a valid import
// folder (participants.csv, activities.csv, outcomes.csv) of N participants with about five
// activities each, for measuring the importer. Deterministic.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { addDays } from "@/lib/dates";
import { FIRST_NAMES_K, FIRST_NAMES_M, LAST_NAMES, makeOrgNr, makePersonnummer, rng } from "@/db/seed";
import { A_HEADER, O_HEADER, P_HEADER } from "@/lib/import/testing";

function writer(file: string) {
  const stream = createWriteStream(file);
  return {
    async line(s: string) {
      if (!stream.write(s + "\n")) await new Promise<void>((r) => stream.once("drain", () => r()));
    },
    end: () => new Promise<void>((r) => stream.end(r)),
  };
}

export async function generateImportFolder(dir: string, n: number) {
  mkdirSync(dir, { recursive: true });
  const r = rng(42);
  const orgs = Array.from({ length: 200 }, () => makeOrgNr(r, "55"));
  const p = writer(path.join(dir, "participants.csv"));
  const a = writer(path.join(dir, "activities.csv"));
  const o = writer(path.join(dir, "outcomes.csv"));
  await p.line(P_HEADER);
  await a.line(A_HEADER);
  await o.line(O_HEADER);
  const pnrs = new Set<string>();
  for (let i = 0; i < n; i++) {
    const gender = r.chance(0.5) ? "K" : "M";
    const birth = addDays("1960-01-01", r.int(0, 365 * 43));
    let pnr = makePersonnummer(r, birth, gender);
    if (pnrs.has(pnr)) pnr = "";
    else pnrs.add(pnr);
    const reception = addDays("2019-01-01", r.int(0, 365 * 6));
    const start = addDays(reception, r.int(10, 40));
    const end = r.chance(0.5) ? addDays(start, r.int(300, 730)) : "";
    const first = gender === "K" ? r.pick(FIRST_NAMES_K) : r.pick(FIRST_NAMES_M);
    await p.line(`P${i},${pnr},${first},${r.pick(LAST_NAMES)},${birth},${gender},gymnasial,${reception},anvisad,${start},${end},`);
    await a.line(`P${i},sfi,${addDays(reception, 14)},${addDays(reception, 400)},avslutad,Lärcentrum,,15`);
    await a.line(`P${i},samhallsorientering,${addDays(reception, 30)},${addDays(reception, 120)},avslutad,Kommunen,,4`);
    await a.line(`P${i},halsoundersokning,${addDays(reception, 20)},${addDays(reception, 20)},avslutad,Region,,`);
    await a.line(`P${i},praktik,${addDays(reception, 90)},${addDays(reception, 160)},avslutad,,${r.pick(orgs)},20`);
    await a.line(`P${i},anstallning,${addDays(reception, 200)},,pagaende,,${r.pick(orgs)},40`);
    if (end) await o.line(`P${i},${r.pick(["arbete", "studier", "arbetssokande", "ovrigt"])},${addDays(end, 95)}`);
  }
  await Promise.all([p.end(), a.end(), o.end()]);
}

if (process.argv[1]?.endsWith("gen-import-fixture.ts")) {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { participants: { type: "string", default: "100000" } }, allowPositionals: true });
  generateImportFolder(positionals[0] ?? "data/import-fixture", Number(values.participants)).then(() => console.error("written"));
}
