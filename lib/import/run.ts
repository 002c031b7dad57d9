// The importer: validate every row of every table first (streaming), and only when nothing is
// wrong write it all in one transaction (streaming again, in batches of multi-row upserts).
// Used by `npm run import` and by the admin page.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import * as s from "@/db/schema";
import { writeAudit, type AuditEntry } from "@/lib/audit/commands";
import { searchNameOf } from "@/lib/participants/search";
import { parsePersonnummer } from "@/lib/validation/personnummer";
import { UsageError } from "@/lib/tenancy/queries";
import { SourceError, type Table } from "./source";
import {
  earliestOutcomeDate,
  readHeader,
  RowReader,
  validateActivity,
  validateOutcome,
  validateParticipant,
  type ActivityRecord,
  type OutcomeRecord,
  type ParticipantRecord,
  type RowError,
} from "./validate";

const BATCH = 1000;

export interface ImportProgress {
  phase: "validate" | "write" | "done";
  done: number;
  total: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** 4-digit kommunkod; a code with no tenant yet creates it (named `municipalityName`). */
  municipalityCode?: string;
  municipalityName?: string;
  /** Who runs the import (null from the command line). */
  userId?: string | null;
  /** Shown in the audit entries, e.g. the uploaded file names. */
  sourceName: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportCounts {
  participants: number;
  activities: number;
  outcomes: number;
}

export interface ImportResult {
  ok: boolean;
  errors: RowError[];
  municipality: { code: string; name: string; created: boolean };
  /** What a write would do: new and existing participants and outcomes, activity rows. */
  planned: { participantsCreate: number; participantsUpdate: number; activities: number; outcomesCreate: number; outcomesUpdate: number };
  imported: ImportCounts;
  updated: number;
  rows: number;
}

interface Known {
  id: string;
  programmeEnd: string | null;
}

async function* dataRows(table: Table): AsyncGenerator<{ row: number; cells: string[] } | { header: string[] }> {
  let row = 0;
  for await (const cells of table.rows()) {
    row++;
    if (row === 1) yield { header: cells };
    else if (cells.length > 0 && cells.some((c) => c.trim() !== "")) yield { row, cells };
  }
}

/** One streaming pass over a table: header check, then each non-blank row through `visit`. */
async function eachRow(
  table: Table,
  errors: RowError[],
  visit: (r: RowReader, row: number) => void | Promise<void>,
): Promise<boolean> {
  try {
    return await eachRowUnsafe(table, errors, visit);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    errors.push({ label: err.label, row: err.row, column: "-", message: { key: "badCsv", detail: err.message } });
    return false;
  }
}

async function eachRowUnsafe(
  table: Table,
  errors: RowError[],
  visit: (r: RowReader, row: number) => void | Promise<void>,
): Promise<boolean> {
  let index: Map<string, number> | null = null;
  let width = 0;
  for await (const item of dataRows(table)) {
    if ("header" in item) {
      // Header errors are reported once; the rows are still checked by the columns that are
      // known, so one run lists every error of the file.
      const h = readHeader(table.kind, table.label, item.header);
      errors.push(...h.errors);
      index = h.index;
      width = item.header.length;
      continue;
    }
    if (!index) return false;
    if (item.cells.length > width) {
      errors.push({ label: table.label, row: item.row, column: "-", message: { key: "columnCount", expected: width, found: item.cells.length } });
      continue;
    }
    await visit(new RowReader(table.label, item.row, index, item.cells), item.row);
  }
  return index !== null;
}

async function resolveTenant(db: Db, code?: string, name?: string) {
  if (code !== undefined) {
    if (!/^\d{4}$/.test(code)) throw new UsageError(`--municipality must be a 4-digit kommunkod, got "${code}"`);
    const [row] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, code));
    return row ? { row, create: null } : { row: null, create: { code, name: name?.trim() || code } };
  }
  const all = await db.select().from(s.municipalities);
  if (all.length === 1) return { row: all[0], create: null };
  if (all.length === 0) throw new UsageError("the database holds no municipality: name one with --municipality CODE");
  throw new UsageError(`several municipalities: choose one with --municipality (${all.map((m) => `${m.code} ${m.name}`).join(", ")})`);
}

export async function runImport(db: Db, tables: Table[], opts: ImportOptions): Promise<ImportResult> {
  const tenant = await resolveTenant(db, opts.municipalityCode, opts.municipalityName);
  const municipalityId = tenant.row?.id ?? null;
  const errors: RowError[] = [];
  const progress = (p: ImportProgress) => opts.onProgress?.(p);

  // What the database already holds for this municipality.
  const coordinators = new Map<string, { id: string; unitId: string | null }>();
  const known = new Map<string, Known>();
  const pnrOwner = new Map<string, string>();
  const existingOutcomes = new Set<string>();
  if (municipalityId) {
    for (const u of await db
      .select({ id: s.users.id, email: s.users.email, unitId: s.users.unitId })
      .from(s.users)
      .where(and(eq(s.users.municipalityId, municipalityId), eq(s.users.role, "coordinator"), eq(s.users.active, true)))) {
      coordinators.set(u.email.toLowerCase(), { id: u.id, unitId: u.unitId });
    }
    for (const p of await db
      .select({ id: s.participants.id, externalId: s.participants.externalId, programmeEnd: s.participants.programmeEnd, personnummer: s.participants.personnummer })
      .from(s.participants)
      .where(eq(s.participants.municipalityId, municipalityId))) {
      if (p.externalId) known.set(p.externalId, { id: p.id, programmeEnd: p.programmeEnd });
      if (p.personnummer) pnrOwner.set(p.personnummer, p.externalId ?? p.id);
    }
    for (const o of await db
      .select({ externalId: s.participants.externalId })
      .from(s.outcomes)
      .innerJoin(s.participants, eq(s.participants.id, s.outcomes.participantId))
      .where(and(eq(s.outcomes.municipalityId, municipalityId), eq(s.outcomes.kind, "dag90")))) {
      if (o.externalId) existingOutcomes.add(o.externalId);
    }
  }

  // Pass 1: validate everything.
  const inFile = new Map<string, { row: number; programmeEnd: string | null }>();
  const pnrRow = new Map<string, number>();
  const outcomeRow = new Map<string, number>();
  const orgNrs = new Set<string>();
  const planned = { participantsCreate: 0, participantsUpdate: 0, activities: 0, outcomesCreate: 0, outcomesUpdate: 0 };
  let rows = 0;
  const byKind = new Map(tables.map((t) => [t.kind, t]));
  const participantsTable = byKind.get("participants");
  const activitiesTable = byKind.get("activities");
  const outcomesTable = byKind.get("outcomes");

  const exists = (ext: string) => inFile.has(ext) || known.has(ext);
  const tick = () => {
    rows++;
    if (rows % 5000 === 0) progress({ phase: "validate", done: rows, total: 0 });
  };

  if (participantsTable) {
    await eachRow(participantsTable, errors, (r, row) => {
      tick();
      const p = validateParticipant(r);
      const ext = r.text("external_id");
      if (ext) {
        const first = inFile.get(ext);
        if (first) r.error("external_id", { key: "duplicateId", row: first.row });
        else inFile.set(ext, { row, programmeEnd: p?.programmeEnd ?? r.text("programme_end") });
      }
      // These checks use the raw cells, so they are reported even when other fields are wrong.
      const pnr = parsePersonnummer(r.text("personnummer") ?? "");
      if (pnr.ok) {
        const firstRow = pnrRow.get(pnr.value);
        if (firstRow) r.error("personnummer", { key: "pnrDuplicateFile", row: firstRow });
        else pnrRow.set(pnr.value, row);
        const owner = pnrOwner.get(pnr.value);
        if (owner !== undefined && owner !== ext) r.error("personnummer", { key: "pnrTaken" });
      }
      const email = r.text("coordinator_email")?.toLowerCase();
      if (email && !coordinators.has(email)) r.error("coordinator_email", { key: "notCoordinator" });
      if (p && r.errors.length === 0) {
        if (known.has(p.externalId)) planned.participantsUpdate++;
        else planned.participantsCreate++;
      }
      errors.push(...r.errors);
    });
  }
  if (activitiesTable) {
    await eachRow(activitiesTable, errors, (r) => {
      tick();
      const a = validateActivity(r);
      const ext = r.text("participant_external_id");
      if (ext && !exists(ext)) r.error("participant_external_id", { key: "unknownParticipant" });
      if (a?.employerOrgNr) orgNrs.add(a.employerOrgNr);
      if (a && r.errors.length === 0) planned.activities++;
      errors.push(...r.errors);
    });
  }
  if (outcomesTable) {
    await eachRow(outcomesTable, errors, (r, row) => {
      tick();
      const o = validateOutcome(r);
      const ext = r.text("participant_external_id");
      if (ext) {
        if (!exists(ext)) r.error("participant_external_id", { key: "unknownParticipant" });
        else {
          const end = inFile.has(ext) ? inFile.get(ext)!.programmeEnd : known.get(ext)!.programmeEnd;
          if (!end) r.error("participant_external_id", { key: "noProgrammeEnd" });
          else if (o && o.recordedDate < earliestOutcomeDate(end)) r.error("recorded_date", { key: "outcomeTooEarly", earliest: earliestOutcomeDate(end) });
        }
        const first = outcomeRow.get(ext);
        if (first) r.error("participant_external_id", { key: "duplicateOutcome", row: first });
        else outcomeRow.set(ext, row);
      }
      if (o && r.errors.length === 0) {
        if (existingOutcomes.has(o.participantExternalId)) planned.outcomesUpdate++;
        else planned.outcomesCreate++;
      }
      errors.push(...r.errors);
    });
  }

  const result: ImportResult = {
    ok: errors.length === 0,
    errors,
    municipality: { code: tenant.row?.code ?? tenant.create!.code, name: tenant.row?.name ?? tenant.create!.name, created: !tenant.row },
    planned,
    imported: { participants: 0, activities: 0, outcomes: 0 },
    updated: 0,
    rows,
  };
  if (!result.ok || opts.dryRun) {
    progress({ phase: "done", done: rows, total: rows });
    return result;
  }

  // Pass 2: write, all or nothing.
  let done = 0;
  const step = (n: number) => {
    done += n;
    progress({ phase: "write", done, total: rows });
  };
  await db.transaction(async (tx) => {
    let mId = municipalityId;
    if (!mId) {
      const [m] = await tx.insert(s.municipalities).values(tenant.create!).returning();
      mId = m.id;
    }
    const actor = { id: opts.userId ?? null, municipalityId: mId };
    const ids = new Map<string, string>([...known].map(([ext, k]) => [ext, k.id]));
    const employers = await ensureEmployers(tx, mId, orgNrs);
    // Activities are audited per participant (how many the import wrote), not one entry each.
    const touched = new Map<string, number>();
    // Audit entries are written last: the audit lock is then held only for the end of the
    // transaction, not for the whole import, so the app's audited reads are not held up.
    const pending: AuditEntry[] = [];

    const t0 = Date.now();
    const lap = (what: string) => process.env.IMPORT_TIMING && console.error(`[import] ${what} ${Date.now() - t0} ms`);
    if (participantsTable) {
      await inBatches(participantsTable, validateParticipant, async (batch) => {
        const written = await upsertParticipants(tx, mId!, batch, coordinators);
        for (const w of written) {
          ids.set(w.externalId, w.id);
          if (w.inserted) result.imported.participants++;
          else result.updated++;
        }
        pending.push(...written.map((w): AuditEntry => ({
          action: w.inserted ? "participant.import.create" : "participant.import.update",
          entityType: "participant",
          entityId: w.id,
          participantId: w.id,
          details: { source: "import", file: participantsTable.label, import: opts.sourceName },
        })));
        step(batch.length);
      });
    }
    lap("participants");
    if (activitiesTable) {
      const seen = new Map<string, number>();
      await inBatches(activitiesTable, validateActivity, async (batch) => {
        const cols = { participantId: [] as string[], type: [] as string[], status: [] as string[], start: [] as string[], end: [] as (string | null)[], provider: [] as (string | null)[], employerId: [] as (string | null)[], hours: [] as (string | null)[], key: [] as string[] };
        for (const a of batch) {
          const participantId = ids.get(a.participantExternalId)!;
          const base = `${a.type}|${a.startDate}`;
          const n = (seen.get(`${participantId}|${base}`) ?? 0) + 1;
          seen.set(`${participantId}|${base}`, n);
          cols.participantId.push(participantId);
          cols.type.push(a.type);
          cols.status.push(a.status);
          cols.start.push(a.startDate);
          cols.end.push(a.endDate);
          cols.provider.push(a.provider);
          cols.employerId.push(a.employerOrgNr ? employers.get(a.employerOrgNr)! : null);
          cols.hours.push(a.hoursPerWeek);
          cols.key.push(n === 1 ? base : `${base}|${n}`);
        }
        // One statement per batch with one array per column: far cheaper than a VALUES list.
        const written = await rowsOf<{ participant_id: string; inserted: boolean }>(tx, sql`
          insert into activities (municipality_id, participant_id, type, status, start_date, end_date,
                                  planned_start_date, planned_end_date, provider, employer_id, hours_per_week, import_key)
          select ${mId}::uuid, u.participant_id, u.type, u.status, u.start_date, u.end_date,
                 u.start_date, u.end_date, u.provider, u.employer_id, u.hours, u.import_key
          from unnest(${pgArray(cols.participantId)}::uuid[], ${pgArray(cols.type)}::activity_type[], ${pgArray(cols.status)}::activity_status[],
                      ${pgArray(cols.start)}::date[], ${pgArray(cols.end)}::date[], ${pgArray(cols.provider)}::text[], ${pgArray(cols.employerId)}::uuid[],
                      ${pgArray(cols.hours)}::numeric[], ${pgArray(cols.key)}::text[])
               as u(participant_id, type, status, start_date, end_date, provider, employer_id, hours, import_key)
          on conflict (participant_id, import_key) do update set
            status = excluded.status, end_date = excluded.end_date, planned_end_date = excluded.planned_end_date,
            provider = excluded.provider, employer_id = excluded.employer_id, hours_per_week = excluded.hours_per_week,
            updated_at = now()
          returning participant_id, (xmax = 0) as inserted`);
        for (const w of written) {
          if (w.inserted) result.imported.activities++;
          else result.updated++;
          touched.set(w.participant_id, (touched.get(w.participant_id) ?? 0) + 1);
        }
        step(batch.length);
      });
    }
    lap("activities");
    if (outcomesTable) {
      await inBatches(outcomesTable, validateOutcome, async (batch) => {
        const written = await tx
          .insert(s.outcomes)
          .values(batch.map((o) => ({ municipalityId: mId!, participantId: ids.get(o.participantExternalId)!, kind: "dag90" as const, status: o.status, recordedDate: o.recordedDate })))
          .onConflictDoUpdate({
            target: [s.outcomes.participantId, s.outcomes.kind],
            set: { status: sql`excluded.status`, recordedDate: sql`excluded.recorded_date`, updatedAt: sql`now()` },
          })
          .returning({ id: s.outcomes.id, participantId: s.outcomes.participantId, inserted: sql<boolean>`(xmax = 0)` });
        for (const w of written) {
          if (w.inserted) result.imported.outcomes++;
          else result.updated++;
        }
        pending.push(...written.map((w): AuditEntry => ({
          action: w.inserted ? "outcome.import.create" : "outcome.import.update",
          entityType: "outcome",
          entityId: w.id,
          participantId: w.participantId,
          details: { source: "import", file: outcomesTable.label, import: opts.sourceName },
        })));
        step(batch.length);
      });
    }
    await writeAuditChunked(tx, actor, pending);
    await writeAuditChunked(tx, actor, [...touched].map(([participantId, count]): AuditEntry => ({
      action: "activity.import",
      entityType: "activity",
      participantId,
      details: { source: "import", file: activitiesTable?.label, import: opts.sourceName, count },
    })));
    await writeAudit(tx, actor, {
      action: "import.run",
      entityType: "import",
      details: { import: opts.sourceName, imported: result.imported, updated: result.updated },
    });
  });
  progress({ phase: "done", done: rows, total: rows });
  return result;
}

/**
 * A PostgreSQL array literal of text values: each column of a batch goes to the database as one
 * parameter, unpacked by unnest(). Drizzle would otherwise expand a JS array into a list.
 */
export function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

async function rowsOf<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await tx.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

async function writeAuditChunked(tx: Tx, actor: { id: string | null; municipalityId: string }, entries: AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 5000) await writeAudit(tx, actor, entries.slice(i, i + 5000));
}

/** Streams a (validated) table again and hands its records over in batches. */
async function inBatches<T>(table: Table, validate: (r: RowReader) => T | null, write: (batch: T[]) => Promise<void>) {
  let batch: T[] = [];
  const errors: RowError[] = [];
  await eachRow(table, errors, async (r) => {
    const rec = validate(r);
    if (!rec) throw new Error(`${table.label}: a row that passed validation failed the second time`);
    batch.push(rec);
    if (batch.length >= BATCH) {
      const b = batch;
      batch = [];
      await write(b);
    }
  });
  if (batch.length) await write(batch);
}

async function upsertParticipants(tx: Tx, municipalityId: string, batch: ParticipantRecord[], coordinators: Map<string, { id: string; unitId: string | null }>) {
  const c = (p: ParticipantRecord) => (p.coordinatorEmail ? coordinators.get(p.coordinatorEmail) : undefined);
  const col = (f: (p: ParticipantRecord) => string | null) => pgArray(batch.map(f));
  const cols = ["unit_id", "personnummer", "first_name", "last_name", "search_name", "birth_date", "gender", "education_level", "reception_date", "settlement", "programme_start", "programme_end", "coordinator_id"];
  const current = sql.raw(`(${cols.map((x) => `participants.${x}`).join(", ")})`);
  const incoming = sql.raw(`(${cols.map((x) => `excluded.${x}`).join(", ")})`);
  const rows = await rowsOf<{ id: string; external_id: string; inserted: boolean }>(tx, sql`
    insert into participants (municipality_id, external_id, unit_id, personnummer, first_name, last_name, search_name,
                              birth_date, gender, education_level, reception_date, settlement, programme_start,
                              programme_end, coordinator_id)
    select ${municipalityId}::uuid, u.*
    from unnest(${col((p) => p.externalId)}::text[], ${col((p) => c(p)?.unitId ?? null)}::uuid[],
                ${col((p) => p.personnummer)}::text[], ${col((p) => p.firstName)}::text[], ${col((p) => p.lastName)}::text[],
                ${col((p) => searchNameOf(p.firstName, p.lastName))}::text[], ${col((p) => p.birthDate)}::date[],
                ${col((p) => p.gender)}::gender[], ${col((p) => p.educationLevel)}::education_level[],
                ${col((p) => p.receptionDate)}::date[], ${col((p) => p.settlement)}::settlement[],
                ${col((p) => p.programmeStart)}::date[], ${col((p) => p.programmeEnd)}::date[],
                ${col((p) => c(p)?.id ?? null)}::uuid[]) as u
    on conflict (municipality_id, external_id) do update set
      unit_id = excluded.unit_id, personnummer = excluded.personnummer, first_name = excluded.first_name,
      last_name = excluded.last_name, search_name = excluded.search_name, birth_date = excluded.birth_date,
      gender = excluded.gender, education_level = excluded.education_level, reception_date = excluded.reception_date,
      settlement = excluded.settlement, programme_start = excluded.programme_start, programme_end = excluded.programme_end,
      coordinator_id = excluded.coordinator_id,
      -- Someone with the participant open must see a conflict, but only if something changed.
      version = case when ${current} is distinct from ${incoming} then participants.version + 1 else participants.version end,
      updated_at = case when ${current} is distinct from ${incoming} then now() else participants.updated_at end
    returning id, external_id, (xmax = 0) as inserted`);
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, inserted: r.inserted }));
}

async function ensureEmployers(tx: Tx, municipalityId: string, orgNrs: Set<string>): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const all = [...orgNrs];
  for (let i = 0; i < all.length; i += BATCH) {
    const chunk = all.slice(i, i + BATCH);
    // A new employer is named by its number until someone fills in the name.
    await tx
      .insert(s.employers)
      .values(chunk.map((orgNr) => ({ municipalityId, orgNr, name: orgNr })))
      .onConflictDoNothing();
    for (const e of await tx
      .select({ id: s.employers.id, orgNr: s.employers.orgNr })
      .from(s.employers)
      .where(and(eq(s.employers.municipalityId, municipalityId), inArray(s.employers.orgNr, chunk)))) {
      map.set(e.orgNr, e.id);
    }
  }
  return map;
}

export type { ActivityRecord, OutcomeRecord };
