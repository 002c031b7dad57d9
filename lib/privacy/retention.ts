// Gallring: the retention policy and the anonymisation of closed cases.
//
// Policy (one place, used by `npm run gallring` and /admin/gallring):
// - A closed case (participants.closed_at set, or programme_end passed) is anonymised
//   CASE_RETENTION_YEARS after its last activity (the latest of closed_at, programme_end, any
//   activity's dates and any follow-up's dates). Personal fields are erased and notes, contacts,
//   kartläggningar, plan texts, consents and snoozes removed; what the dashboard counts stays:
//   gender, birth year, dates, activity types and dates, outcomes, sfi results and attendance.
// - Sign-in attempts (email and address) are deleted after LOGIN_ATTEMPT_RETENTION_DAYS.
// - Audit entries are KEPT. The log is append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and
//   hash-chained; deleting from it would need a way around both. Entries hold ids and actions, no
//   names or personnummer, so once the participant is anonymised they identify no one by themselves.
import { eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { resultRows } from "@/db/json";
import { getDb, type Db, type Executor } from "@/db";
import * as s from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { addDays } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { pageWindow } from "@/lib/paging";

export const CASE_RETENTION_YEARS = 3;
export const LOGIN_ATTEMPT_RETENTION_DAYS = 90;

export interface DueCase {
  id: string;
  municipalityId: string;
  lastActivity: string;
}

/** A due case as the admin's preview shows it: whose case it is, so that the right ones go. */
export interface DueCaseRow extends DueCase {
  externalId: string | null;
  firstName: string;
  lastName: string;
  /** The day the case was closed; null when it is due because the programme ended. */
  closedAt: string | null;
  programmeEnd: string | null;
  unitName: string | null;
  coordinatorName: string | null;
}

function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  // 29 February goes to 28 February in a year without it.
  const dt = new Date(Date.UTC(y - years, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) dt.setUTCDate(0);
  return dt.toISOString().slice(0, 10);
}

/** The day a case's last activity must be before for the case to be due on `asOf`. */
export function retentionCutoff(asOf: string): string {
  return yearsBefore(asOf, CASE_RETENTION_YEARS);
}

/**
 * The rule of dueCases below for one case whose facts are at hand (the importer's preview warns
 * about rows that gallring would anonymise at once): closed (closed_at set, or programme_end on
 * or before asOf), and the latest of closed_at, programme_end and `lastActivity` (its activities'
 * and follow-ups' dates) before the cutoff. The dates are ISO strings; null is no date.
 */
export function isCaseDue(c: { closedAt: string | null; programmeEnd: string | null; lastActivity: string | null }, asOf: string): boolean {
  const closed = c.closedAt !== null || (c.programmeEnd !== null && c.programmeEnd <= asOf);
  const dates = [c.closedAt, c.programmeEnd, c.lastActivity].filter((d): d is string => d !== null);
  // greatest() of no dates is null, and null is not before the cutoff.
  return closed && dates.length > 0 && dates.reduce((a, b) => (a > b ? a : b)) < retentionCutoff(asOf);
}

interface DueOptions {
  asOf: string;
  municipalityId?: string;
  /** One participant only (checked again just before they are anonymised). */
  id?: string;
}

/**
 * The closed cases due (their last activity, a date, more than CASE_RETENTION_YEARS before asOf),
 * as a table `due(id, municipality_id, last_activity)`. The last activity is the latest of a few
 * dates, so each of them must be before the cutoff: that is checked first, on the participant's own
 * row, and only the cases left are looked up in activities and follow-ups (a region holds tens of
 * thousands of closed cases, most of them not yet due). The lookups are lateral joins, made once a
 * case: as subqueries in the select list PostgreSQL made them twice, for the filter and the order
 * (1.7 → 1.2 s for the preview of 15 592 due cases among 28 513 closed).
 */
function dueCases(opts: DueOptions): SQL {
  const cutoff = retentionCutoff(opts.asOf);
  return sql`(select * from (
      select p.id, p.municipality_id, greatest(p.closed_at, p.programme_end, la.last, lf.last) as last_activity
      from participants p
      cross join lateral (select max(coalesce(a.end_date, a.start_date)) as last from activities a where a.participant_id = p.id) la
      cross join lateral (select max(coalesce(f.held_date, f.due_date)) as last from followups f where f.participant_id = p.id) lf
      where p.erased_at is null ${opts.municipalityId ? sql`and p.municipality_id = ${opts.municipalityId}` : sql``} ${opts.id ? sql`and p.id = ${opts.id}` : sql``}
        and (p.closed_at is not null or p.programme_end <= ${opts.asOf}::date)
        and (p.closed_at is null or p.closed_at < ${cutoff}::date) and (p.programme_end is null or p.programme_end < ${cutoff}::date)
    ) c where c.last_activity < ${cutoff}::date) due`;
}

/** Closed cases whose last activity is more than CASE_RETENTION_YEARS before `asOf`, the oldest first. */
export async function findDueCases(db: Executor, opts: DueOptions): Promise<DueCase[]> {
  return (await dueCasePage(db, opts)).cases;
}

/** How many closed cases are due. */
export async function countDueCases(db: Executor, opts: DueOptions): Promise<number> {
  const [r] = resultRows(await db.execute(sql`select count(*)::int as n from ${dueCases(opts)}`));
  return Number(r.n);
}

/** Due cases from `offset` on (all, without `limit`), and how many are due in all: one pass over them. */
async function dueCasePage(db: Executor, opts: DueOptions & { limit?: number; offset?: number }): Promise<{ cases: DueCase[]; total: number }> {
  const page = opts.limit === undefined ? sql`` : sql`limit ${opts.limit} offset ${opts.offset ?? 0}`;
  const rows = resultRows(
    await db.execute(
      sql`select due.id, due.municipality_id, due.last_activity::text as last_activity, count(*) over ()::int as total from ${dueCases(opts)} order by due.last_activity, due.id ${page}`,
    ),
  );
  const cases = rows.map((r) => ({ id: String(r.id), municipalityId: String(r.municipality_id), lastActivity: String(r.last_activity) }));
  // Past the last row the window has nothing to count in: counted on its own.
  const total = rows.length ? Number(rows[0].total) : opts.offset ? await countDueCases(db, opts) : 0;
  return { cases, total };
}

/**
 * One page of due cases with whose they are: the same ordered, counted pass as dueCasePage, and
 * only the page's rows (50) looked up by primary key for the name, unit and coordinator, in the
 * same statement. The due cases themselves are found exactly as before (scripts/bench/JOURNAL.md,
 * "Gallring's due cases"): nothing is added to the pass over the municipality's closed cases.
 */
async function dueCasePageWithPeople(db: Executor, opts: DueOptions & { limit: number; offset: number }): Promise<{ cases: DueCaseRow[]; total: number }> {
  const rows = resultRows(
    await db.execute(sql`
      select d.id, d.municipality_id, d.last_activity::text as last_activity, d.total,
        p.external_id, p.first_name, p.last_name, p.closed_at::text as closed_at, p.programme_end::text as programme_end,
        u.name as unit_name, c.name as coordinator_name
      from (
        select due.id, due.municipality_id, due.last_activity, count(*) over ()::int as total
        from ${dueCases(opts)} order by due.last_activity, due.id limit ${opts.limit} offset ${opts.offset}
      ) d
      join participants p on p.id = d.id
      left join units u on u.id = p.unit_id
      left join users c on c.id = p.coordinator_id
      order by d.last_activity, d.id`),
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const cases = rows.map((r) => ({
    id: String(r.id),
    municipalityId: String(r.municipality_id),
    lastActivity: String(r.last_activity),
    externalId: text(r.external_id),
    firstName: String(r.first_name),
    lastName: String(r.last_name),
    closedAt: text(r.closed_at),
    programmeEnd: text(r.programme_end),
    unitName: text(r.unit_name),
    coordinatorName: text(r.coordinator_name),
  }));
  const total = rows.length ? Number(rows[0].total) : opts.offset ? await countDueCases(db, opts) : 0;
  return { cases, total };
}

/** Cases of the preview a page shows. */
export const GALLRING_PAGE_SIZE = 50;

/**
 * What /admin/gallring shows before the admin runs the policy: how many cases are due in the
 * admin's municipality and one page of them, the oldest first (a page past the last shows the
 * last), each with whose case it is. Only for those who may run gallring (settings:manage); the
 * people shown are audited as a list read, so each one's register extract and the audit log's
 * participant filter find it.
 */
export async function previewGallring(actor: Actor, opts: { asOf: string; page?: number; pageSize?: number }, db: Executor = getDb()) {
  if (!hasPermission(actor, "settings:manage")) throw new NotFoundError("gallring");
  const due = { asOf: opts.asOf, municipalityId: actor.municipalityId };
  const size = Math.max(1, Math.floor(opts.pageSize ?? GALLRING_PAGE_SIZE));
  const asked = pageWindow(Number.MAX_SAFE_INTEGER, opts.page, size);
  let { cases, total } = await dueCasePageWithPeople(db, { ...due, limit: size, offset: asked.offset });
  const { page, pages, pageSize, offset } = pageWindow(total, opts.page, size);
  if (offset !== asked.offset) cases = (await dueCasePageWithPeople(db, { ...due, limit: size, offset })).cases;
  if (cases.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      details: { ids: cases.map((c) => c.id), source: "gallring" },
    });
  }
  return { cases, total, page, pages, pageSize };
}

/** Anonymise one participant in place; the caller runs it in a transaction. */
export async function anonymiseParticipant(tx: Executor, participantId: string) {
  const [p] = await tx.select({ birthDate: s.participants.birthDate, version: s.participants.version }).from(s.participants).where(eq(s.participants.id, participantId));
  if (!p) return;
  await tx
    .update(s.participants)
    .set({
      externalId: null,
      personnummer: null,
      firstName: "Anonymiserad",
      lastName: "",
      searchName: "",
      // Only the birth year stays (age groups on the dashboard).
      birthDate: `${p.birthDate.slice(0, 4)}-01-01`,
      trackReason: null,
      languages: [],
      interpreterLanguage: null,
      phone: null,
      email: null,
      address: null,
      childrenCount: null,
      childcareNeed: null,
      erasedAt: new Date(),
      version: p.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(s.participants.id, participantId));
  await tx.update(s.activities).set({ interruptReason: null, resultNote: null, details: {} }).where(eq(s.activities.participantId, participantId));
  // What an sfi course completion or avbrott changed on the plan, kept for "Ångra": copies of the same texts.
  await tx.update(s.sfiEnrolments).set({ ending: null }).where(eq(s.sfiEnrolments.participantId, participantId));
  await tx.update(s.followups).set({ attendees: null, notes: null, nextSteps: null }).where(eq(s.followups.participantId, participantId));
  const planIds = (await tx.select({ id: s.plans.id }).from(s.plans).where(eq(s.plans.participantId, participantId))).map((r) => r.id);
  if (planIds.length) {
    await tx.delete(s.planRevisions).where(inArray(s.planRevisions.planId, planIds));
    await tx.update(s.plans).set({ goalNote: null, goalOccupation: null }).where(inArray(s.plans.id, planIds));
  }
  await tx.delete(s.skillMappings).where(eq(s.skillMappings.participantId, participantId));
  await tx.delete(s.consents).where(eq(s.consents.participantId, participantId));
  await tx.delete(s.signalSnoozes).where(eq(s.signalSnoozes.participantId, participantId));
}

export interface GallringResult {
  asOf: string;
  dryRun: boolean;
  cases: DueCase[];
  loginAttemptsDeleted: number;
}

/**
 * Run the policy. With dryRun nothing changes (the preview). `actorId` is the admin who ran it,
 * or null for the scheduled command; each anonymised case gets its own audit entry, in its own
 * transaction, and is checked again in it (a case given an activity since it was found is left).
 * `cases`: the due cases already found (the admin page's job, which compared them with its
 * preview); `onProgress` is told after each case.
 */
export async function runGallring(
  db: Db,
  opts: { asOf: string; dryRun: boolean; municipalityId?: string; actorId?: string | null; cases?: DueCase[]; onProgress?: (done: number, total: number) => void },
): Promise<GallringResult> {
  const due = opts.cases ?? (await findDueCases(db, opts));
  const loginCutoff = new Date(`${addDays(opts.asOf, -LOGIN_ATTEMPT_RETENTION_DAYS)}T00:00:00Z`);
  if (opts.dryRun) {
    const old = opts.municipalityId ? [] : await db.select({ id: s.loginAttempts.id }).from(s.loginAttempts).where(lt(s.loginAttempts.at, loginCutoff));
    return { asOf: opts.asOf, dryRun: true, cases: due, loginAttemptsDeleted: old.length };
  }
  const cases: DueCase[] = [];
  for (const c of due) {
    const erased = await db.transaction(async (tx) => {
      const [still] = resultRows(await tx.execute(sql`select 1 as due from ${dueCases({ asOf: opts.asOf, municipalityId: c.municipalityId, id: c.id })}`));
      if (!still) return false;
      await anonymiseParticipant(tx, c.id);
      await writeAudit(tx, { id: opts.actorId ?? null, municipalityId: c.municipalityId }, {
        action: "participant.erase",
        entityType: "participant",
        entityId: c.id,
        participantId: c.id,
        details: { policy: `closed case, ${CASE_RETENTION_YEARS} years after last activity`, lastActivity: c.lastActivity, asOf: opts.asOf },
      });
      return true;
    });
    if (erased) cases.push(c);
    opts.onProgress?.(cases.length, due.length);
  }
  // Sign-in attempts are not per municipality: only the command (all municipalities) removes them.
  let loginAttemptsDeleted = 0;
  if (!opts.municipalityId) {
    const deleted = await db.delete(s.loginAttempts).where(lt(s.loginAttempts.at, loginCutoff)).returning({ id: s.loginAttempts.id });
    loginAttemptsDeleted = deleted.length;
  }
  return { asOf: opts.asOf, dryRun: false, cases, loginAttemptsDeleted };
}
