// Writes an import in the format of ../shared/spec/import-format.md (participants.csv,
// activities.csv, outcomes.csv) from the benchmark generator, for timing `npm run import`.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { generateChunks, generateSetup } from "./rows";

function csv(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeLines(file: string, header: string[], lines: Iterable<unknown[]>) {
  const out = createWriteStream(file);
  out.write(header.join(",") + "\n");
  for (const l of lines) if (!out.write(l.map(csv).join(",") + "\n")) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

export async function writeImportFiles(dir: string, opts: { participants: number; today: string; seed?: number }) {
  mkdirSync(dir, { recursive: true });
  const setup = generateSetup({ ...opts }, "");
  const p: unknown[][] = [];
  const a: unknown[][] = [];
  const o: unknown[][] = [];
  for (const chunk of generateChunks({ ...opts, seed: opts.seed ?? 4711, chunkSize: 10000 }, setup)) {
    const ext = new Map<string, string>();
    for (const x of chunk.participants) {
      ext.set(x.id!, x.externalId!);
      p.push([x.externalId, x.personnummer, x.firstName, x.lastName, x.birthDate, x.gender, x.educationLevel, x.receptionDate, x.settlement, x.programmeStart, x.programmeEnd]);
    }
    for (const x of chunk.activities) a.push([ext.get(x.participantId), x.type, x.startDate, x.endDate, x.status, x.provider, x.hoursPerWeek]);
    for (const x of chunk.outcomes) o.push([ext.get(x.participantId), x.status, x.recordedDate]);
  }
  await writeLines(path.join(dir, "participants.csv"), ["external_id", "personnummer", "first_name", "last_name", "birth_date", "gender", "education_level", "reception_date", "settlement", "programme_start", "programme_end"], p);
  await writeLines(path.join(dir, "activities.csv"), ["participant_external_id", "type", "start_date", "end_date", "status", "provider", "hours_per_week"], a);
  await writeLines(path.join(dir, "outcomes.csv"), ["participant_external_id", "status", "recorded_date"], o);
  return { participants: p.length, activities: a.length, outcomes: o.length };
}
