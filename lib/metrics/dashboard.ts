// The results dashboard (Resultat): the filters a manager sets, scoped to what the user may
// see, and every figure from the same functions as `npm run report`.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { EDUCATION_LEVELS, SETTLEMENTS, TRACKS } from "@/db/schema/enums";
import { municipalities, units, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { isValidIsoDate, todayIso } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import type { CaseloadRow, Completeness, WorkplaceNow } from "./extra";
import type { HealthCoverageRow, LeadTimes, SfiResultRow } from "./more";
import { listReferenceValues } from "@/lib/references/queries";
import { cached } from "./cache";
import { metricSnapshot, snapshotById } from "./facts";
import { figuresOf } from "./figures";
import { asEntries, compareWithLocal, type Comparison, type ReferenceEntry } from "./references";
import { activityOutcomes, type ActivityOutcomes } from "./worked";
import { DEFAULT_MIN_N, type FirstWorkplaceRow, type Group, type IdleFigure, type MetricFilter, type Outcome90Row } from "./indicators";

const optionalId = z.string().uuid().optional().or(z.literal("").transform(() => undefined));

export const dashboardFilterSchema = z.object({
  // A day that has not come yet has no figures: its "situation on the day" would only be today's.
  asOf: z.string().refine((d) => isValidIsoDate(d) && d <= todayIso()).optional(),
  cohorts: z.array(z.string().regex(/^\d{4}$/)).default([]),
  unitId: optionalId,
  coordinatorId: optionalId,
  gender: z.enum(["total", "K", "M"]).optional().or(z.literal("").transform(() => undefined)),
  educationLevel: z.enum(EDUCATION_LEVELS).optional().or(z.literal("").transform(() => undefined)),
  settlement: z.enum(SETTLEMENTS).optional().or(z.literal("").transform(() => undefined)),
  track: z.enum(TRACKS).optional().or(z.literal("").transform(() => undefined)),
});
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

/** Reads the filters from a query string; anything malformed is dropped, not an error page. */
export function parseDashboardFilter(params: URLSearchParams): DashboardFilter {
  const raw = {
    asOf: params.get("asOf") || undefined,
    cohorts: params.getAll("cohort").filter(Boolean),
    unitId: params.get("unit") ?? undefined,
    coordinatorId: params.get("coordinator") ?? undefined,
    gender: params.get("gender") ?? undefined,
    educationLevel: params.get("education") ?? undefined,
    settlement: params.get("settlement") ?? undefined,
    track: params.get("track") ?? undefined,
  };
  const parsed = dashboardFilterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const ok: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const one = dashboardFilterSchema.shape[k as keyof typeof dashboardFilterSchema.shape].safeParse(v);
    if (one.success) ok[k] = one.data;
  }
  return dashboardFilterSchema.parse(ok);
}

const shownSnapshotSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Which figures an export holds: those of the snapshot the page showed (its `snapshot` parameter,
 * while the snapshot is kept), otherwise those of the data as it is now. A malformed value means
 * current figures, not an error.
 */
export function exportSnapshotOption(params: URLSearchParams): { snapshotId: number } | { fresh: true } {
  const shown = shownSnapshotSchema.safeParse(params.get("snapshot") ?? undefined);
  return shown.success ? { snapshotId: shown.data } : { fresh: true };
}

/** The gender filter as a narrowing: women or men only; "total" (or none) counts everyone. */
export const narrowedGender = (g: DashboardFilter["gender"]): "K" | "M" | undefined => (g === "K" || g === "M" ? g : undefined);

export function filterToSearchParams(f: DashboardFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.asOf) p.set("asOf", f.asOf);
  for (const c of f.cohorts) p.append("cohort", c);
  if (f.unitId) p.set("unit", f.unitId);
  if (f.coordinatorId) p.set("coordinator", f.coordinatorId);
  if (f.gender) p.set("gender", f.gender);
  if (f.educationLevel) p.set("education", f.educationLevel);
  if (f.settlement) p.set("settlement", f.settlement);
  if (f.track) p.set("track", f.track);
  return p;
}

export interface Dashboard {
  municipality: { code: string; name: string };
  asOf: string;
  minN: number;
  filter: DashboardFilter;
  /** The unit the figures are limited to whatever the filter says (a coordinator's own). */
  forcedUnitId: string | null;
  /** The filter the figures were computed with (for the drill-down to the same people). */
  metricFilter: MetricFilter;
  options: { units: { id: string; name: string }[]; coordinators: { id: string; name: string }[]; cohorts: string[] };
  outcome90: Outcome90Row[];
  /** The 90-day outcome by the activities people had in the programme, for the chosen cohorts and gender. */
  outcomeByActivity: ActivityOutcomes;
  firstWorkplace: FirstWorkplaceRow[];
  idle: IdleFigure;
  workplaceNow: WorkplaceNow;
  completeness: Completeness;
  /** Active participants and open worklist signals per coordinator. */
  caseload: (CaseloadRow & { signals: number })[];
  /** Open worklist signals per unit (the units the filter covers). */
  signalsByUnit: { unitId: string; unitName: string; signals: number }[];
  /**
   * Whether the per-coordinator rows and the coordinator filter are shown: a region has thousands
   * of coordinators, so beyond PER_COORDINATOR_LIMIT they wait until a unit (or a coordinator) is
   * chosen. The export always has every coordinator.
   */
  show: { caseloadRows: boolean; coordinatorFilter: boolean };
  sfiResults: SfiResultRow[];
  healthCoverage: HealthCoverageRow[];
  leadTimes: LeadTimes;
  /** Entered reference values and targets (not computed), all years of the municipality. */
  references: ReferenceEntry[];
  /** Those that concern the figures shown, each with the local figure beside it. */
  comparisons: Comparison[];
  /** The snapshot of facts the figures come from (an export can ask for the same). */
  snapshotId: number;
  /** When the figures were computed (ISO time). */
  computedAt: string;
  /** The data has changed since computedAt; newer figures are being computed. */
  stale: boolean;
}

function pickRows<T extends { cohort: string; group: Group }>(rows: T[], f: DashboardFilter): T[] {
  return rows.filter((r) => (f.cohorts.length === 0 || f.cohorts.includes(r.cohort)) && (!f.gender || r.group === f.gender));
}

/**
 * The dashboard for a user with metrics:read. Managers see their municipality (any unit);
 * coordinators see their own unit only. Aggregates only: no participant is named here.
 */
/**
 * At regional scale a new snapshot of the facts takes seconds (13–15 s at 200 000 people). When the
 * data has changed since the last one and the new one takes more than 0.8 s, the page shows the
 * previous figures (up to 15 minutes old), says when they were computed, and the new ones are
 * ready on reload. A municipality of a few thousand people gets its new snapshot within the wait.
 */
const STALE_WHILE_COMPUTING = { staleForMs: 15 * 60_000, waitMs: 800 };

export const PER_COORDINATOR_LIMIT = 60;

/**
 * Computes (or finds) the facts of every municipality as of today and its unfiltered figures, as
 * a manager first sees them, so that the first view of the day and the first view after a change
 * need not wait; any filter is then an aggregate over those facts. Run by the server in the
 * background (lib/metrics/warm.ts); returns the number of municipalities.
 */
export async function warmDashboards(db: Executor = getDb()): Promise<number> {
  const asOf = todayIso();
  const all = await db.select({ id: municipalities.id }).from(municipalities);
  for (const m of all) {
    const f: MetricFilter = { municipalityId: m.id, asOf, minN: DEFAULT_MIN_N };
    await figuresOf(db, f, await metricSnapshot(db, m.id, asOf));
  }
  return all.length;
}

/** `fresh`: wait for figures of the data as it is now (exports); otherwise see STALE_WHILE_COMPUTING. */
export async function getDashboard(actor: Actor, filter: DashboardFilter, db: Executor = getDb(), opts: { fresh?: boolean; snapshotId?: number } = {}): Promise<Dashboard> {
  if (!hasPermission(actor, "metrics:read")) throw new NotFoundError("dashboard");
  const forcedUnitId = actor.role === "coordinator" ? actor.unitId : null;
  if (actor.role === "coordinator" && !forcedUnitId) throw new NotFoundError("dashboard");
  const [m] = await db.select().from(municipalities).where(eq(municipalities.id, actor.municipalityId));
  const unitRows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(forcedUnitId ? eq(units.id, forcedUnitId) : eq(units.municipalityId, actor.municipalityId))
    .orderBy(asc(units.name));
  const unitIds = new Set(unitRows.map((u) => u.id));
  const unitId = forcedUnitId ?? (filter.unitId && unitIds.has(filter.unitId) ? filter.unitId : undefined);
  // A region has thousands of coordinators; the list changes only with the data.
  const coordinatorRows = await cached(db, actor.municipalityId, `coordinators:${actor.municipalityId}:${unitId ?? ""}`, () =>
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.municipalityId, actor.municipalityId), eq(users.role, "coordinator"), ...(unitId ? [eq(users.unitId, unitId)] : [])))
      .orderBy(asc(users.name)),
  );
  const coordinatorId = filter.coordinatorId && coordinatorRows.some((c) => c.id === filter.coordinatorId) ? filter.coordinatorId : undefined;
  const asOf = filter.asOf ?? todayIso();
  const f: MetricFilter = {
    municipalityId: actor.municipalityId,
    asOf,
    minN: DEFAULT_MIN_N,
    unitId,
    coordinatorId,
    educationLevel: filter.educationLevel,
    settlement: filter.settlement,
    track: filter.track,
    // Women or men: every figure, the situation on the day and the caseload too, counts only them.
    gender: narrowedGender(filter.gender),
  };
  const shown = opts.snapshotId ? await snapshotById(db, opts.snapshotId, f.municipalityId, f.asOf) : undefined;
  const snap = shown ?? (await metricSnapshot(db, f.municipalityId, f.asOf, opts.fresh || opts.snapshotId ? {} : STALE_WHILE_COMPUTING));
  const figs = await figuresOf(db, f, snap);
  const { o90, fw, idl, wn, comp, caseloadRows, unitCounts, sfi, health, lead, worked } = figs;
  const cohorts = [...new Set([...o90.map((r) => r.cohort), ...fw.map((r) => r.cohort)])].sort();
  const unitSignals = new Map(unitCounts);
  const signalsByUnit = unitRows.filter((u) => !unitId || u.id === unitId).map((u) => ({ unitId: u.id, unitName: u.name, signals: unitSignals.get(u.id) ?? 0 }));
  const references = asEntries(await listReferenceValues(actor, db));
  const figures = {
    outcome90: pickRows(o90, filter),
    firstWorkplace: pickRows(fw, filter),
    sfiResults: pickRows(sfi, filter),
    healthCoverage: pickRows(health, filter),
    idle: idl,
    workplaceNow: wn,
    leadTimes: lead,
  };
  return {
    municipality: { code: m.code, name: m.name },
    asOf,
    minN: DEFAULT_MIN_N,
    filter: { ...filter, unitId, coordinatorId, asOf },
    forcedUnitId,
    metricFilter: f,
    options: { units: unitRows, coordinators: coordinatorRows, cohorts },
    ...figures,
    outcomeByActivity: activityOutcomes(worked, filter, DEFAULT_MIN_N),
    completeness: comp,
    caseload: caseloadRows,
    signalsByUnit,
    show: {
      caseloadRows: caseloadRows.length <= PER_COORDINATOR_LIMIT || Boolean(unitId) || Boolean(coordinatorId),
      coordinatorFilter: coordinatorRows.length <= PER_COORDINATOR_LIMIT || Boolean(unitId),
    },
    references,
    snapshotId: snap.id,
    computedAt: new Date(snap.computedAt).toISOString(),
    stale: snap.stale,
    comparisons: compareWithLocal({ ...figures, asOf, minN: DEFAULT_MIN_N, filter: { ...filter, unitId, coordinatorId, asOf } }, references),
  };
}

/** Exports are audited: who took which figures out, with which filters. */
export async function auditExport(actor: Actor, format: string, filter: DashboardFilter, db: Executor = getDb()) {
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "metrics.export",
    entityType: "dashboard",
    details: { format, filter: Object.fromEntries(filterToSearchParams(filter)) },
  });
}
