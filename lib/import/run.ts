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

    if (participantsTable) {
      await inBatches(participantsTable, validateParticipant, async (batch) => {
        const written = await upsertParticipants(tx, mId!, batch, coordinators);
        for (const w of written) {
          ids.set(w.externalId, w.id);
          if (w.inserted) result.imported.participants++;
          else result.updated++;
        }
        await writeAudit(tx, actor, written.map((w): AuditEntry => ({
          action: w.inserted ? "participant.import.create" : "participant.import.update",
          entityType: "participant",
          entityId: w.id,
          participantId: w.id,
          details: { source: "import", file: participantsTable.label, import: opts.sourceName },
        })));
        step(batch.length);
      });
    }
    if (activitiesTable) {
      const seen = new Map<string, number>();
      await inBatches(activitiesTable, validateActivity, async (batch) => {
        const values = batch.map((a) => {
          const participantId = ids.get(a.participantExternalId)!;
          const base = `${a.type}|${a.startDate}`;
          const n = (seen.get(`${participantId}|${base}`) ?? 0) + 1;
          seen.set(`${participantId}|${base}`, n);
          return {
            municipalityId: mId!,
            participantId,
            type: a.type,
            status: a.status,
            startDate: a.startDate,
            endDate: a.endDate,
            plannedStartDate: a.startDate,
            plannedEndDate: a.endDate,
            provider: a.provider,
            employerId: a.employerOrgNr ? employers.get(a.employerOrgNr)! : null,
            hoursPerWeek: a.hoursPerWeek,
            importKey: n === 1 ? base : `${base}|${n}`,
          };
        });
        const written = await tx
          .insert(s.activities)
          .values(values)
          .onConflictDoUpdate({
            target: [s.activities.participantId, s.activities.importKey],
            set: {
              status: sql`excluded.status`,
              endDate: sql`excluded.end_date`,
              plannedEndDate: sql`excluded.planned_end_date`,
              provider: sql`excluded.provider`,
              employerId: sql`excluded.employer_id`,
              hoursPerWeek: sql`excluded.hours_per_week`,
              updatedAt: sql`now()`,
            },
          })
          .returning({ participantId: s.activities.participantId, inserted: sql<boolean>`(xmax = 0)` });
        const perParticipant = new Map<string, number>();
        for (const w of written) {
          if (w.inserted) result.imported.activities++;
          else result.updated++;
          perParticipant.set(w.participantId, (perParticipant.get(w.participantId) ?? 0) + 1);
        }
        await writeAudit(tx, actor, [...perParticipant].map(([participantId, count]): AuditEntry => ({
          action: "activity.import",
          entityType: "activity",
          participantId,
          details: { source: "import", file: activitiesTable.label, import: opts.sourceName, count },
        })));
        step(batch.length);
      });
    }
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
        await writeAudit(tx, actor, written.map((w): AuditEntry => ({
          action: w.inserted ? "outcome.import.create" : "outcome.import.update",
          entityType: "outcome",
          entityId: w.id,
          participantId: w.participantId,
          details: { source: "import", file: outcomesTable.label, import: opts.sourceName },
        })));
        step(batch.length);
      });
    }
    await writeAudit(tx, actor, {
      action: "import.run",
      entityType: "import",
      details: { import: opts.sourceName, imported: result.imported, updated: result.updated },
    });
  });
  progress({ phase: "done", done: rows, total: rows });
  return result;
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
  const values = batch.map((p) => {
    const c = p.coordinatorEmail ? coordinators.get(p.coordinatorEmail) : undefined;
    return {
      municipalityId,
      unitId: c?.unitId ?? null,
      externalId: p.externalId,
      personnummer: p.personnummer,
      firstName: p.firstName,
      lastName: p.lastName,
      searchName: searchNameOf(p.firstName, p.lastName),
      birthDate: p.birthDate,
      gender: p.gender,
      educationLevel: p.educationLevel,
      receptionDate: p.receptionDate,
      settlement: p.settlement,
      programmeStart: p.programmeStart,
      programmeEnd: p.programmeEnd,
      coordinatorId: c?.id ?? null,
    };
  });
  const cols = ["unit_id", "personnummer", "first_name", "last_name", "search_name", "birth_date", "gender", "education_level", "reception_date", "settlement", "programme_start", "programme_end", "coordinator_id"];
  const current = sql.raw(`(${cols.map((c) => `participants.${c}`).join(", ")})`);
  const incoming = sql.raw(`(${cols.map((c) => `excluded.${c}`).join(", ")})`);
  const rows = await tx
    .insert(s.participants)
    .values(values)
    .onConflictDoUpdate({
      target: [s.participants.municipalityId, s.participants.externalId],
      set: {
        unitId: sql`excluded.unit_id`,
        personnummer: sql`excluded.personnummer`,
        firstName: sql`excluded.first_name`,
        lastName: sql`excluded.last_name`,
        searchName: sql`excluded.search_name`,
        birthDate: sql`excluded.birth_date`,
        gender: sql`excluded.gender`,
        educationLevel: sql`excluded.education_level`,
        receptionDate: sql`excluded.reception_date`,
        settlement: sql`excluded.settlement`,
        programmeStart: sql`excluded.programme_start`,
        programmeEnd: sql`excluded.programme_end`,
        coordinatorId: sql`excluded.coordinator_id`,
        // Someone with the participant open must see a conflict, but only if something changed.
        version: sql`case when ${current} is distinct from ${incoming} then participants.version + 1 else participants.version end`,
        updatedAt: sql`case when ${current} is distinct from ${incoming} then now() else participants.updated_at end`,
      },
    })
    .returning({ id: s.participants.id, externalId: s.participants.externalId, inserted: sql<boolean>`(xmax = 0)` });
  return rows.map((r) => ({ id: r.id, externalId: r.externalId!, inserted: r.inserted }));
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
