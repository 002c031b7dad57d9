// The importer: validate every row of every table first (streaming), and only when nothing is
// wrong write it all in one transaction (streaming again, in batches of multi-row upserts).
// Used by `npm run import` and by the admin page. Besides the errors it reports warnings, which
// the contract does not make errors (the row is imported): dates after today, and people whose
// closed case gallring would anonymise at its next run.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/db";
import * as s from "@/db/schema";
import { openAuditChain, type AuditEntry } from "@/lib/audit/commands";
import { todayIso } from "@/lib/dates";
import { searchNameOf } from "@/lib/participants/search";
import { CASE_RETENTION_YEARS, isCaseDue } from "@/lib/privacy/retention";
import { parsePersonnummer } from "@/lib/validation/personnummer";
import { UsageError } from "@/lib/tenancy/queries";
import { SourceError, type Table } from "./source";
import { loaderFor, yieldToEventLoop, type Loader, type TextRow } from "./stage";
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

export interface ImportProgress {
  phase: "validate" | "write" | "done";
  /**
   * What the write is doing, in order: the people, their activities (and the plans' history),
   * the outcomes, then the audit entries. `done` of `total` counts the rows of the files written
   * and the audit entries (one per person, about).
   */
  step?: "participants" | "activities" | "outcomes" | "audit";
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
  /** Rows written from which the tables' statistics are refreshed afterwards (ANALYZE_AFTER_ROWS). */
  analyzeAfterRows?: number;
  /** The day dates are compared with (warnings, gallring); today in Sweden by default. */
  today?: string;
  /** The rows a dry run of the same files counted: the total of the checking's progress. */
  expectedRows?: number;
}

/**
 * A bulk load changes a table's make-up at once. Until its statistics are refreshed the planner
 * still sees the tables as they were: a municipality of 100 000 people just imported looks like
 * one of a handful, and the dashboard's queries for it take nested loops that run for a quarter
 * of an hour instead of seconds (measured at 200 000 + 100 000 participants with autovacuum
 * off). Autovacuum gets there in its own time, where it runs at all; from this many written rows
 * the importer does it at once (a sample of each table: about a second at that size).
 */
export const ANALYZE_AFTER_ROWS = 10_000;

export interface ImportCounts {
  participants: number;
  activities: number;
  outcomes: number;
}

/** At most this many warnings are kept (counted all the same): a file of 100 000 rows dated ahead would otherwise keep them all. */
export const MAX_WARNINGS = 10_000;

export interface ImportResult {
  ok: boolean;
  errors: RowError[];
  /** Rows imported as they are that deserve a look (the first MAX_WARNINGS; warningCount counts all). */
  warnings: RowError[];
  warningCount: number;
  municipality: { code: string; name: string; created: boolean };
  /**
   * What a write would do: new and existing participants and outcomes, activity rows, and the
   * participants who will have no unit (no coordinator_email, and none before): the coordinators'
   * list "Ej tilldelade".
   */
  planned: { participantsCreate: number; participantsUpdate: number; activities: number; outcomesCreate: number; outcomesUpdate: number; unassigned: number };
  /** Participants of the file whose case is closed and already past the retention period (a warning per row too). */
  dueForGallring: number;
  imported: ImportCounts;
  updated: number;
  rows: number;
  /** Whether the tables' statistics were refreshed after the write (see ANALYZE_AFTER_ROWS). */
  analyzed: boolean;
}

interface Known {
  id: string;
  programmeEnd: string | null;
  closedAt: string | null;
  unitId: string | null;
}

async function* dataRows(table: Table): AsyncGenerator<{ row: number; cells: string[] } | { header: string[] }> {
  let row = 0;
  for await (const cells of table.rows()) {
    row++;
    if (row === 1) yield { header: cells };
    else if (cells.length > 0 && cells.some((c) => c.trim() !== "")) yield { row, cells };
  }
}

/** The rows of a table, checked against its header; a file that cannot be read is an error of its own. */
async function* checkedRows(table: Table, errors: RowError[]): AsyncGenerator<{ reader: RowReader; row: number }> {
  try {
    yield* rowReaders(table, errors);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    errors.push({ label: err.label, row: err.row, column: "-", message: err.reason ?? { key: "badCsv", detail: err.message } });
  }
}

/** The rows of a table as readers by column name, after the header's check. */
async function* rowReaders(table: Table, errors: RowError[]): AsyncGenerator<{ reader: RowReader; row: number }> {
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
    if (!index) return;
    if (item.cells.length > width) {
      errors.push({ label: table.label, row: item.row, column: "-", message: { key: "columnCount", expected: width, found: item.cells.length } });
      continue;
    }
    yield { reader: new RowReader(table.label, item.row, index, item.cells), row: item.row };
  }
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
  const tStart = Date.now();
  const cpuStart = process.cpuUsage();
  // Wall time, this process's CPU time (user + system; the database's is not in it) and RSS so far.
  const tlog = (what: string) => {
    if (!process.env.IMPORT_TIMING) return;
    const cpu = process.cpuUsage(cpuStart);
    console.error(`[import] ${what} ${Date.now() - tStart} ms cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  };
  const tenant = await resolveTenant(db, opts.municipalityCode, opts.municipalityName);
  const municipalityId = tenant.row?.id ?? null;
  const errors: RowError[] = [];
  const progress = (p: ImportProgress) => opts.onProgress?.(p);

  // What the database already holds for this municipality.
  const coordinators = new Map<string, { id: string; unitId: string | null }>();
  const known = new Map<string, Known>();
  // The holder of each personnummer: their external_id, or (registered in the app) their id.
  const pnrOwner = new Map<string, { key: string; externalId: string | null }>();
  const units = new Map<string, string>();
  const existingOutcomes = new Set<string>();
  if (municipalityId) {
    for (const u of await db
      .select({ id: s.users.id, email: s.users.email, unitId: s.users.unitId })
      .from(s.users)
      .where(and(eq(s.users.municipalityId, municipalityId), eq(s.users.role, "coordinator"), eq(s.users.active, true)))) {
      coordinators.set(u.email.toLowerCase(), { id: u.id, unitId: u.unitId });
    }
    for (const p of await db
      .select({
        id: s.participants.id,
        externalId: s.participants.externalId,
        programmeEnd: s.participants.programmeEnd,
        closedAt: s.participants.closedAt,
        unitId: s.participants.unitId,
        personnummer: s.participants.personnummer,
      })
      .from(s.participants)
      .where(eq(s.participants.municipalityId, municipalityId))) {
      // A unit's id once, not once per person (a region's 200 000 people are in a hundred units).
      const unitId = p.unitId === null ? null : (units.get(p.unitId) ?? units.set(p.unitId, p.unitId).get(p.unitId)!);
      if (p.externalId) known.set(p.externalId, { id: p.id, programmeEnd: p.programmeEnd, closedAt: p.closedAt, unitId });
      if (p.personnummer) pnrOwner.set(p.personnummer, { key: p.externalId ?? p.id, externalId: p.externalId });
    }
    for (const o of await db
      .select({ externalId: s.participants.externalId })
      .from(s.outcomes)
      .innerJoin(s.participants, eq(s.participants.id, s.outcomes.participantId))
      .where(and(eq(s.outcomes.municipalityId, municipalityId), eq(s.outcomes.kind, "dag90")))) {
      if (o.externalId) existingOutcomes.add(o.externalId);
    }
  }

  // One read of the files validates every row. When the import is to be written, the rows go
  // at the same time (as long as no error has been found) into temporary tables of a
  // transaction, by COPY on PostgreSQL; that is not writing yet: temporary tables vanish with
  // the transaction, which is rolled back when any row is wrong. Only then do a few set-based
  // statements upsert the staged rows, record what they wrote, and the audit entries follow.
  const inFile = new Map<string, { row: number; programmeEnd: string | null }>();
  const pnrRow = new Map<string, number>();
  const outcomeRow = new Map<string, number>();
  const planned = { participantsCreate: 0, participantsUpdate: 0, activities: 0, outcomesCreate: 0, outcomesUpdate: 0, unassigned: 0 };
  const today = opts.today ?? todayIso();
  const warnings: RowError[] = [];
  let warningCount = 0;
  const warn = (list: RowError[]) => {
    warningCount += list.length;
    for (const w of list) if (warnings.length < MAX_WARNINGS) warnings.push(w);
  };
  // People of the participants file whose case would be due for gallring on their own row's
  // dates; their activities in the files (and in the database, for people already there) may
  // still make it younger. Few in any file: only closed cases from years back.
  const gallring = new Map<string, { row: number; closedAt: string | null; programmeEnd: string | null; last: string | null; known: boolean }>();
  let rows = 0;
  const byKind = new Map(tables.map((t) => [t.kind, t]));
  const participantsTable = byKind.get("participants");
  const activitiesTable = byKind.get("activities");
  const outcomesTable = byKind.get("outcomes");

  const exists = (ext: string) => inFile.has(ext) || known.has(ext);
  const tick = () => {
    rows++;
    if (rows % 5000 === 0) progress({ phase: "validate", done: rows, total: Math.max(opts.expectedRows ?? 0, rows) });
  };
  const coordinatorOf = (p: ParticipantRecord) => (p.coordinatorEmail ? coordinators.get(p.coordinatorEmail) : undefined);

  async function* participantRows(table: Table): AsyncGenerator<TextRow> {
    for await (const { reader: r, row } of checkedRows(table, errors)) {
      tick();
      const p = validateParticipant(r, today);
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
        if (owner !== undefined && owner.key !== ext) r.error("personnummer", { key: "pnrTaken", owner: owner.externalId });
      }
      const email = r.text("coordinator_email")?.toLowerCase();
      if (email && !coordinators.has(email)) r.error("coordinator_email", { key: "notCoordinator", value: r.text("coordinator_email") ?? undefined });
      if (p && r.errors.length === 0) {
        const before = known.get(p.externalId);
        if (before) planned.participantsUpdate++;
        else planned.participantsCreate++;
        // Without a coordinator in the file a person keeps the unit they have (see write()).
        const c = coordinatorOf(p);
        if ((c ? c.unitId : (before?.unitId ?? null)) === null) planned.unassigned++;
        const closedAt = before?.closedAt ?? null;
        if (isCaseDue({ closedAt, programmeEnd: p.programmeEnd, lastActivity: null }, today)) {
          gallring.set(p.externalId, { row, closedAt, programmeEnd: p.programmeEnd, last: null, known: before !== undefined });
        }
      }
      for (const e of r.errors) errors.push(e);
      warn(r.warnings);
      if (p && errors.length === 0) {
        const c = coordinatorOf(p);
        yield [String(row), p.externalId, c?.unitId ?? null, p.personnummer, p.firstName, p.lastName, searchNameOf(p.firstName, p.lastName),
          p.birthDate, p.gender, p.educationLevel, p.receptionDate, p.settlement, p.programmeStart, p.programmeEnd, c?.id ?? null];
      }
    }
  }
  async function* activityRows(table: Table): AsyncGenerator<TextRow> {
    for await (const { reader: r, row } of checkedRows(table, errors)) {
      tick();
      const a = validateActivity(r);
      const ext = r.text("participant_external_id");
      if (ext && !exists(ext)) r.error("participant_external_id", { key: "unknownParticipant", value: ext });
      if (a && r.errors.length === 0) {
        planned.activities++;
        const g = gallring.get(a.participantExternalId);
        const day = a.endDate ?? a.startDate;
        if (g && (g.last === null || day > g.last)) g.last = day;
      }
      for (const e of r.errors) errors.push(e);
      if (a && errors.length === 0) yield [String(row), a.participantExternalId, a.type, a.status, a.startDate, a.endDate, a.provider, a.employerOrgNr, a.hoursPerWeek];
    }
  }
  async function* outcomeRows(table: Table): AsyncGenerator<TextRow> {
    for await (const { reader: r, row } of checkedRows(table, errors)) {
      tick();
      const o = validateOutcome(r, today);
      const ext = r.text("participant_external_id");
      if (ext) {
        if (!exists(ext)) r.error("participant_external_id", { key: "unknownParticipant", value: ext });
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
      for (const e of r.errors) errors.push(e);
      warn(r.warnings);
      if (o && errors.length === 0) yield [String(row), o.participantExternalId, o.status, o.recordedDate];
    }
  }

  /**
   * The rows whose case gallring would anonymise at its next run, as warnings: the rule of
   * lib/privacy/retention.ts over the dates of the files and, for people already in the database,
   * their activities and follow-ups there (`db`: the transaction when there is one).
   */
  async function gallringWarnings(db: Executor) {
    const knownIds = [...gallring.entries()].filter(([, g]) => g.known).map(([ext]) => known.get(ext)!.id);
    if (knownIds.length) {
      for (let i = 0; i < knownIds.length; i += PAGE) {
        const ids = knownIds.slice(i, i + PAGE);
        const stored = await rowsOf<{ external_id: string; last: string | null }>(db, sql`
          select p.external_id, greatest(
            (select max(coalesce(a.end_date, a.start_date)) from activities a where a.participant_id = p.id),
            (select max(coalesce(f.held_date, f.due_date)) from followups f where f.participant_id = p.id))::text as last
          from participants p where p.id = any(${`{${ids.join(",")}}`}::uuid[])`);
        for (const r of stored) {
          const g = gallring.get(r.external_id);
          if (g && r.last !== null && (g.last === null || r.last > g.last)) g.last = r.last;
        }
      }
    }
    const label = participantsTable?.label ?? "participants";
    const due: RowError[] = [];
    for (const g of gallring.values()) {
      if (!isCaseDue({ closedAt: g.closedAt, programmeEnd: g.programmeEnd, lastActivity: g.last }, today)) continue;
      const lastActivity = [g.closedAt, g.programmeEnd, g.last].filter((d): d is string => d !== null).reduce((a, b) => (a > b ? a : b));
      due.push({ label, row: g.row, column: "programme_end", message: { key: "dueForGallring", lastActivity, years: CASE_RETENTION_YEARS } });
    }
    gallring.clear();
    result.dueForGallring = due.length;
    warn(due.sort((a, b) => a.row - b.row));
  }

  /** Reads and validates every table; `loader` (none on a dry run) stages the valid rows. */
  async function validateAll(loader: Loader | null) {
    const stage = async (name: string, cols: readonly (readonly [string, string])[], source: AsyncIterable<TextRow>) => {
      if (loader) await loader.load(name, cols.map((c) => c[0]), cols.map((c) => c[1]), source);
      else for await (const _ of source) void _;
    };
    if (participantsTable) await stage("imp_participants", P_STAGE, participantRows(participantsTable));
    if (activitiesTable) await stage("imp_activities", A_STAGE, activityRows(activitiesTable));
    if (outcomesTable) await stage("imp_outcomes", O_STAGE, outcomeRows(outcomesTable));
    tlog("validated");
  }

  const result: ImportResult = {
    ok: false,
    errors,
    warnings,
    warningCount: 0,
    dueForGallring: 0,
    municipality: { code: tenant.row?.code ?? tenant.create!.code, name: tenant.row?.name ?? tenant.create!.name, created: !tenant.row },
    planned,
    imported: { participants: 0, activities: 0, outcomes: 0 },
    updated: 0,
    rows: 0,
    analyzed: false,
  };
  const finish = () => {
    result.ok = errors.length === 0;
    result.rows = rows;
    result.warningCount = warningCount;
    // Warnings in the files' order and by row, as the errors (gallring's are found last).
    const fileOrder = new Map(tables.map((t, i) => [t.label, i]));
    warnings.sort((a, b) => (fileOrder.get(a.label) ?? 0) - (fileOrder.get(b.label) ?? 0) || a.row - b.row);
    progress({ phase: "done", done: rows, total: rows });
    return result;
  };
  if (opts.dryRun) {
    await validateAll(null);
    await gallringWarnings(db);
    return finish();
  }

  // The write's progress: the rows of the files as each statement has written them, then the
  // audit entries a page at a time (about one per person; the total is corrected once known).
  // Between the steps the event loop gets a turn: with embedded PGlite the transaction holds the
  // one connection, but the page's progress poll reads only memory (lib/import/jobs.ts).
  let done = 0;
  let total = 0;
  const step = async (name: NonNullable<ImportProgress["step"]>, n: number) => {
    done += n;
    progress({ phase: "write", step: name, done: Math.min(done, total), total });
    await yieldToEventLoop();
  };
  try {
    await db.transaction(async (tx) => {
      const loader = loaderFor(tx);
      // Sorts and hashes over the staged rows stay in memory (the activities of 100 000 people,
      // about 900 000 rows, take ~150 MB to sort; with less they spill to disk, a few seconds more).
      await tx.execute(sql.raw("set local work_mem = '256MB'"));
      for (const statement of STAGING_TABLES) await tx.execute(sql.raw(statement));
      await validateAll(loader);
      if (errors.length > 0) throw new Invalid();
      await gallringWarnings(tx);
      total = rows + planned.participantsCreate + planned.participantsUpdate;
      await step("participants", 0);
      // The lookups of the validation (a few hundred thousand keys on a re-import) are not needed
      // for the write: freed now, their memory serves the audit instead of adding to the peak.
      for (const m of [known, pnrOwner, existingOutcomes, inFile, pnrRow, outcomeRow]) m.clear();
      await write(tx, loader);
    });
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
  }
  tlog("committed");
  const written = result.imported.participants + result.imported.activities + result.imported.outcomes + result.updated;
  if (errors.length === 0 && written >= (opts.analyzeAfterRows ?? ANALYZE_AFTER_ROWS)) {
    await db.execute(sql`analyze participants, activities, outcomes, plans, plan_revisions, employers`);
    result.analyzed = true;
    tlog("analyzed");
  }
  return finish();

  async function write(tx: Tx, loader: Loader) {
    let mId = municipalityId;
    if (!mId) {
      const [m] = await tx.insert(s.municipalities).values(tenant.create!).returning();
      mId = m.id;
    }
    const lap = tlog;
    for (const t of ["imp_participants", "imp_activities", "imp_outcomes"]) await tx.execute(sql.raw(`analyze ${t}`));
    lap("staged");

    // Only rows that are new or differ from what is stored go into the upsert: a re-import of
    // unchanged files then rewrites nothing (no new row versions, no entries in the nine indexes,
    // no row locks, hardly any WAL). The guard on the update repeats the comparison against the
    // row the conflict found, so a row changed by someone else meanwhile is still caught.
    // Every staged participant is recorded as written, changed or not (the audit and the counts
    // name them all), in file order.
    const cols = ["unit_id", "personnummer", "first_name", "last_name", "search_name", "birth_date", "gender", "education_level", "reception_date", "settlement", "programme_start", "programme_end", "coordinator_id"];
    // A row without coordinator_email leaves a known person's coordinator and unit as they are: a
    // person taken from the coordinators' list "Ej tilldelade" (or given a coordinator in the app)
    // is not put back there by a re-import of the same files.
    const kept: Record<string, string> = {
      unit_id: "case when i.coordinator_id is null then p.unit_id else i.unit_id end",
      coordinator_id: "coalesce(i.coordinator_id, p.coordinator_id)",
    };
    const tuple = (alias: string) => sql.raw(`(${cols.map((x) => (alias === "i" && kept[x] ? kept[x] : `${alias}.${x}`)).join(", ")})`);
    await tx.execute(sql`
      with w as (
        insert into participants (municipality_id, external_id, unit_id, personnummer, first_name, last_name, search_name,
                                  birth_date, gender, education_level, reception_date, settlement, programme_start,
                                  programme_end, coordinator_id)
        select ${mId}::uuid, i.external_id, ${sql.raw(kept.unit_id)}, i.personnummer, i.first_name, i.last_name, i.search_name, i.birth_date, i.gender,
               i.education_level, i.reception_date, i.settlement, i.programme_start, i.programme_end, ${sql.raw(kept.coordinator_id)}
        from imp_participants i
        left join participants p on p.municipality_id = ${mId}::uuid and p.external_id = i.external_id
        where p.id is null or ${tuple("p")} is distinct from ${tuple("i")}
        order by i.line
        on conflict (municipality_id, external_id) do update set
          unit_id = excluded.unit_id, personnummer = excluded.personnummer, first_name = excluded.first_name,
          last_name = excluded.last_name, search_name = excluded.search_name, birth_date = excluded.birth_date,
          gender = excluded.gender, education_level = excluded.education_level, reception_date = excluded.reception_date,
          settlement = excluded.settlement, programme_start = excluded.programme_start, programme_end = excluded.programme_end,
          coordinator_id = excluded.coordinator_id,
          -- Someone with the participant open must see a conflict, but only if something changed.
          version = participants.version + 1, updated_at = now()
        where ${tuple("participants")} is distinct from ${tuple("excluded")}
        returning id, external_id, (xmax = 0) as inserted)
      -- The statement sees participants as they were before it: the unchanged rows by their id,
      -- the new ones only through w.
      insert into imp_written_participants (id, external_id, inserted)
      select coalesce(w.id, p.id), i.external_id, coalesce(w.inserted, false)
      from imp_participants i
      left join w on w.external_id = i.external_id
      left join participants p on p.municipality_id = ${mId}::uuid and p.external_id = i.external_id
      order by i.line`);
    lap("participants");
    await step("activities", planned.participantsCreate + planned.participantsUpdate);

    // A new employer is named by its number until someone fills in the name.
    await tx.execute(sql`
      insert into employers (municipality_id, org_nr, name)
      select distinct ${mId}::uuid, employer_org_nr, employer_org_nr from imp_activities where employer_org_nr is not null
      on conflict do nothing`);
    const aCols = ["status", "end_date", "planned_end_date", "provider", "employer_id", "hours_per_week"];
    const aTuple = (alias: string) => sql.raw(`(${aCols.map((x) => `${alias}.${x}`).join(", ")})`);
    // import_key: type|start_date, and for the n-th (n > 1) activity of one participant with the
    // same type and start, in file order, |n: a re-import finds the same rows again.
    // The staged activities with their participant, in the order they are written (by participant:
    // the per-participant indexes then grow at their ends instead of at random). The people of the
    // participants file are found in imp_written_participants (analyzed, like imp_src: the plans
    // below rest on real row counts, not on statistics that have not seen this import's people);
    // only activities of people who are not in the file are looked up in participants.
    await tx.execute(sql`analyze imp_written_participants`);
    await tx.execute(sql`
      create temp table imp_src on commit drop as
      with a as (
        select *, type::text || '|' || to_char(start_date, 'YYYY-MM-DD') ||
                  case when n = 1 then '' else '|' || n end as import_key
        from (select *, row_number() over (partition by participant_external_id, type, start_date order by line) as n
              from imp_activities) numbered),
      resolved as (
        select wp.id as participant_id, wp.inserted as fresh, a.*
        from a join imp_written_participants wp on wp.external_id = a.participant_external_id
        union all
        select p.id, false, a.*
        from a join participants p on p.municipality_id = ${mId}::uuid and p.external_id = a.participant_external_id
        where not exists (select 1 from imp_written_participants wp where wp.external_id = a.participant_external_id))
      select r.participant_id, r.fresh, r.line, r.type, r.status, r.start_date, r.end_date,
             r.start_date as planned_start_date, r.end_date as planned_end_date, r.provider, e.id as employer_id,
             r.hours::numeric(4, 1) as hours_per_week, r.import_key
      from resolved r
      left join employers e on e.municipality_id = ${mId}::uuid and e.org_nr = r.employer_org_nr
      order by r.participant_id, r.line`);
    await tx.execute(sql`analyze imp_src`);
    await yieldToEventLoop();
    const aInsert = sql.raw(`insert into activities (municipality_id, participant_id, type, status, start_date, end_date,
                            planned_start_date, planned_end_date, provider, employer_id, hours_per_week, import_key)`);
    const aValues = sql.raw("s.participant_id, s.type, s.status, s.start_date, s.end_date, s.planned_start_date, s.planned_end_date, s.provider, s.employer_id, s.hours_per_week, s.import_key");
    // People this import has just created have no activities yet: theirs are inserted as they are,
    // with no search for a row to update (imp_src is already in the order to write them).
    await tx.execute(sql`${aInsert} select ${mId}::uuid, ${aValues} from imp_src s where s.fresh`);
    await yieldToEventLoop();
    // For the others, as for participants, only new or differing rows go into the upsert (hours
    // compared at the column's precision). Every staged activity is counted per person: inserted,
    // changed (by this import, so the plan's history and the version move only then) and in all.
    await tx.execute(sql`
      with w as (
        ${aInsert}
        select ${mId}::uuid, ${aValues}
        from imp_src s
        -- (Only this municipality's activities: a first import into a large database reads none of the others'.)
        left join activities x on x.municipality_id = ${mId}::uuid and x.participant_id = s.participant_id and x.import_key = s.import_key
        where not s.fresh and (x.id is null or ${aTuple("x")} is distinct from ${aTuple("s")})
        order by s.participant_id, s.line
        on conflict (participant_id, import_key) do update set
          status = excluded.status, end_date = excluded.end_date, planned_end_date = excluded.planned_end_date,
          provider = excluded.provider, employer_id = excluded.employer_id, hours_per_week = excluded.hours_per_week,
          -- An open activity form conflicts, and the plan's history counts it, only if something changed.
          version = activities.version + 1, updated_at = now()
        where ${aTuple("activities")} is distinct from ${aTuple("excluded")}
        returning participant_id, (xmax = 0) as inserted),
      written as (
        select participant_id, count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as changed
        from w group by participant_id),
      staged as (select participant_id, bool_or(fresh) as fresh, count(*) as total from imp_src group by participant_id)
      insert into imp_written_activities (participant_id, inserted, changed, total)
      select s.participant_id, case when s.fresh then s.total else coalesce(w.inserted, 0) end, coalesce(w.changed, 0), s.total
      from staged s left join written w on w.participant_id = s.participant_id
      order by s.participant_id`);
    lap("activities");
    await yieldToEventLoop();
    // One revision in each person's plan history for what the import added or changed (plans made
    // where there was none yet, version 0: no goal), set-based like the rest.
    await tx.execute(sql`
      insert into plans (participant_id, version)
      select participant_id, 0 from imp_written_activities where inserted > 0 or changed > 0
      on conflict (participant_id) do nothing`);
    await tx.execute(sql`
      insert into plan_revisions (plan_id, kind, changed_by, summary, snapshot)
      select pl.id, 'import', ${opts.userId ?? null}::uuid,
             'Import (' || ${opts.sourceName}::text || '): ' || concat_ws(', ',
               case when w.inserted = 1 then '1 ny insats' when w.inserted > 1 then w.inserted || ' nya insatser' end,
               case when w.changed = 1 then '1 insats ändrad' when w.changed > 1 then w.changed || ' insatser ändrade' end),
             jsonb_build_object('import', ${opts.sourceName}::text, 'created', w.inserted, 'changed', w.changed)
      from imp_written_activities w join plans pl on pl.participant_id = w.participant_id
      where w.inserted > 0 or w.changed > 0
      order by w.seq`);
    lap("plan history");
    await step("outcomes", planned.activities);

    await tx.execute(sql`
      with w as (
        insert into outcomes (municipality_id, participant_id, kind, status, recorded_date)
        select ${mId}::uuid, p.id, 'dag90', o.status, o.recorded_date
        from imp_outcomes o join participants p on p.municipality_id = ${mId}::uuid and p.external_id = o.participant_external_id
        order by o.line
        on conflict (participant_id, kind) do update set
          status = excluded.status, recorded_date = excluded.recorded_date, updated_at = now()
        returning id, participant_id, (xmax = 0) as inserted)
      insert into imp_written_outcomes (id, participant_id, inserted) select id, participant_id, inserted from w`);
    lap("outcomes");
    await step("audit", planned.outcomesCreate + planned.outcomesUpdate);

    const [c] = await rowsOf<{ p_new: number; p_old: number; a_new: number; a_all: number; o_new: number; o_old: number }>(tx, sql`
      select (select count(*) filter (where inserted) from imp_written_participants)::int as p_new,
             (select count(*) filter (where not inserted) from imp_written_participants)::int as p_old,
             (select coalesce(sum(inserted), 0) from imp_written_activities)::int as a_new,
             (select coalesce(sum(total), 0) from imp_written_activities)::int as a_all,
             (select count(*) filter (where inserted) from imp_written_outcomes)::int as o_new,
             (select count(*) filter (where not inserted) from imp_written_outcomes)::int as o_old`);
    result.imported = { participants: Number(c.p_new), activities: Number(c.a_new), outcomes: Number(c.o_new) };
    result.updated = Number(c.p_old) + (Number(c.a_all) - Number(c.a_new)) + Number(c.o_old);

    // Audit entries are written last: the audit lock is then held only for the end of the
    // transaction, not for the whole import, so the app's audited reads are not held up.
    // One entry per participant written, naming the files and what the import wrote for them
    // (the activities by count, the outcomes by id); activities and outcomes of people who were
    // not in the participants file get entries of their own.
    await tx.execute(sql`
      create temp table imp_audit on commit drop as
      select p.seq, p.id, p.inserted, a.total as activities, o.ids as outcome_ids, o.fresh as outcomes_new
      from imp_written_participants p
      left join imp_written_activities a on a.participant_id = p.id
      left join (select participant_id, array_agg(id::text order by seq) as ids, count(*) filter (where inserted)::int as fresh
                 from imp_written_outcomes group by participant_id) o on o.participant_id = p.id`);
    // Read a page at a time by seq: with the key, each page is a range of the index instead of
    // a scan and sort of the whole table.
    await tx.execute(sql`alter table imp_audit add primary key (seq)`);
    const others = "not exists (select 1 from imp_written_participants p where p.id = w.participant_id)";
    const [n] = await rowsOf<{ n: number }>(tx, sql.raw(`select ((select count(*) from imp_audit) + (select count(*) from imp_written_outcomes w where ${others})
      + (select count(*) from imp_written_activities w where ${others}) + 1)::int as n`));
    total = rows + Number(n.n);
    await step("audit", 0);
    const chain = await openAuditChain(tx, { id: opts.userId ?? null, municipalityId: mId });
    const pFile = participantsTable?.label;
    const oFile = outcomesTable?.label;
    const aFile = activitiesTable?.label;
    const source = opts.sourceName;
    async function* entries(): AsyncGenerator<AuditEntry> {
      type Row = { id: string; inserted: boolean; activities: number | null; outcome_ids: string[] | null; outcomes_new: number | null };
      for await (const w of pages<Row>(tx, "select seq, id, inserted, activities, outcome_ids, outcomes_new from imp_audit")) {
        const details: Record<string, unknown> = { source: "import", file: pFile, import: source };
        if (w.activities !== null) Object.assign(details, { activitiesFile: aFile, activities: Number(w.activities) });
        if (w.outcome_ids !== null) Object.assign(details, { outcomesFile: oFile, outcomes: w.outcome_ids, outcomesCreated: Number(w.outcomes_new) });
        yield { action: w.inserted ? "participant.import.create" : "participant.import.update", entityType: "participant", entityId: w.id, participantId: w.id, details };
      }
      for await (const w of pages<{ id: string; participant_id: string; inserted: boolean }>(tx, `select * from (select seq, id, participant_id, inserted from imp_written_outcomes w where ${others}) x`)) {
        yield { action: w.inserted ? "outcome.import.create" : "outcome.import.update", entityType: "outcome", entityId: w.id, participantId: w.participant_id, details: { source: "import", file: oFile, import: source } };
      }
      for await (const w of pages<{ participant_id: string; total: number }>(tx, `select * from (select seq, participant_id, total from imp_written_activities w where ${others}) x`)) {
        yield { action: "activity.import", entityType: "activity", participantId: w.participant_id, details: { source: "import", file: aFile, import: source, count: Number(w.total) } };
      }
      yield { action: "import.run", entityType: "import", details: { import: source, imported: result.imported, updated: result.updated } };
    }
    // The entries are read from the written_* tables page by page, so they are loaded a page
    // at a time too (one connection cannot query while a COPY is open).
    const audit = async (batch: TextRow[]) => {
      await loader.load("audit_log", AUDIT_COLUMNS.map((c) => c[0]), AUDIT_COLUMNS.map((c) => c[1]), fromArray(batch));
      await step("audit", batch.length);
    };
    let batch: TextRow[] = [];
    for await (const e of entries()) {
      const r = chain(e);
      batch.push([r.at.toISOString(), r.municipalityId, r.userId, r.action, r.entityType, r.entityId, r.participantId, r.details === null ? null : JSON.stringify(r.details), r.prevHash, r.hash]);
      if (batch.length >= PAGE) {
        await audit(batch);
        batch = [];
      }
    }
    await audit(batch);
    lap("audit");
  }
}

/** Thrown inside the transaction when a row is wrong: rolls back what was staged. */
class Invalid extends Error {}

const P_STAGE = [["line", "int"], ["external_id", "text"], ["unit_id", "uuid"], ["personnummer", "text"], ["first_name", "text"], ["last_name", "text"], ["search_name", "text"],
  ["birth_date", "date"], ["gender", "gender"], ["education_level", "education_level"], ["reception_date", "date"], ["settlement", "settlement"],
  ["programme_start", "date"], ["programme_end", "date"], ["coordinator_id", "uuid"]] as const;
const A_STAGE = [["line", "int"], ["participant_external_id", "text"], ["type", "activity_type"], ["status", "activity_status"], ["start_date", "date"], ["end_date", "date"],
  ["provider", "text"], ["employer_org_nr", "text"], ["hours", "numeric"]] as const;
const O_STAGE = [["line", "int"], ["participant_external_id", "text"], ["status", "outcome_status"], ["recorded_date", "date"]] as const;
const AUDIT_COLUMNS = [["at", "timestamptz"], ["municipality_id", "uuid"], ["user_id", "uuid"], ["action", "text"], ["entity_type", "text"], ["entity_id", "text"],
  ["participant_id", "uuid"], ["details", "jsonb"], ["prev_hash", "text"], ["hash", "text"]] as const;

const staging = (name: string, cols: readonly (readonly [string, string])[]) =>
  `create temp table ${name} (${cols.map(([c, t]) => `${c} ${t}`).join(", ")}) on commit drop`;
/** Temporary tables of one transaction: what is to be written, then what was written. */
const STAGING_TABLES = [
  staging("imp_participants", P_STAGE),
  staging("imp_activities", A_STAGE),
  staging("imp_outcomes", O_STAGE),
  "create temp table imp_written_participants (seq bigserial primary key, id uuid, external_id text, inserted boolean) on commit drop",
  "create temp table imp_written_activities (seq bigserial primary key, participant_id uuid, inserted int, changed int, total int) on commit drop",
  "create temp table imp_written_outcomes (seq bigserial primary key, id uuid, participant_id uuid, inserted boolean) on commit drop",
];

const PAGE = 5000;

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** All rows of one of the written_* tables, a page at a time in seq order. */
async function* pages<T>(tx: Tx, select: string): AsyncGenerator<T> {
  let after = 0;
  while (true) {
    const batch = await rowsOf<T & { seq: string | number }>(tx, sql`${sql.raw(select)} where seq > ${after} order by seq limit ${PAGE}`);
    for (const row of batch) yield row as Awaited<T>;
    if (batch.length < PAGE) return;
    after = Number(batch[batch.length - 1].seq);
  }
}

async function rowsOf<T>(tx: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await tx.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

export type { ActivityRecord, OutcomeRecord };
