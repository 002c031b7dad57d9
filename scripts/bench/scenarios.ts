// The benchmark's scenarios, declared in one place. A scenario runs when `enabled` is true and
// every file in `requires` exists; otherwise it is reported as "not available" (never a
// failure). To switch one on after its branch is merged: set `enabled: true`, check `requires`
// and the path/command, and point `dbFloor` at the library function the page calls.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Request } from "autocannon";
import type { Db } from "@/db/client";
import { findUserForSignIn, loadActiveUser } from "@/lib/auth/queries";
import { listParticipants, listUnitCoordinators } from "@/lib/participants/queries";
import { getParticipantPage } from "@/lib/participants/page";
import { getCalendarFeedStatus } from "@/lib/calendar/queries";
import { getWorklist } from "@/lib/signals/queries";
import { getDashboard, parseDashboardFilter } from "@/lib/metrics/dashboard";
import { forgetInMemory } from "@/lib/metrics/cache";
import { EDUCATION_LEVELS, SETTLEMENTS, TRACKS } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/permissions";

export interface BenchUser extends Actor {
  email: string;
  /** The Auth.js session cookie (`name=value`), from a real sign-in. */
  cookie: string;
  /** Participants this user may open (coordinators: their unit's). */
  participantIds: string[];
}

export interface BenchContext {
  baseUrl: string;
  databaseUrl: string;
  db: Db;
  sql: postgres.Sql;
  quick: boolean;
  today: string;
  municipalityCode: string;
  password: string;
  coordinators: BenchUser[];
  manager: BenchUser;
  /** CSRF cookie and token for posting to the Auth.js credentials callback. */
  csrf: { cookie: string; token: string };
  /** Folder with the generated import files and how many participants they hold. */
  importDir: string;
  importRows: number;
  /** A municipality code not in the database yet: every run is a first import. */
  importMunicipalityCode: string;
}

export interface Targets {
  /** p95 at 20 concurrent users, in milliseconds. */
  p95Ms?: number;
  /** Whole run, in seconds (one-off commands such as the import). */
  seconds?: number;
  /** p95 must stay under 3 × database floor + framework floor. */
  floorRatio?: boolean;
}

interface Base {
  id: string;
  title: string;
  enabled: boolean;
  /** Files (relative to the project root) that must exist for the scenario to be available. */
  requires: string[];
  /** Why it is off, shown as "not available". */
  note?: string;
  targets: Targets;
}

export interface HttpScenario extends Base {
  kind: "http";
  as: "coordinator" | "manager";
  /** The requests one connection cycles through, for the user it is given. */
  requests(ctx: BenchContext, user: BenchUser): Request[];
  /** Status a good answer has (default 200). */
  expectStatus?: number;
  /** Content type the first (unmeasured) answer must have, e.g. the Server Components payload's. */
  expectContentType?: string;
  /** The same work done directly in PostgreSQL: the database's floor for this page. */
  dbFloor?(ctx: BenchContext, user: BenchUser, i: number): Promise<unknown>;
  /** Runs once before the first (unmeasured) request: puts the data in the state a running server keeps it in. */
  prepare?(ctx: BenchContext): Promise<unknown>;
}

export interface CommandScenario extends Base {
  kind: "command";
  /** Spawned `repeat` times one after another (quick mode: `quickRepeat`); p50/p95/p99 over runs. */
  repeat: number;
  quickRepeat: number;
  /** Run once, untimed, before the timed runs (the report: build its cached bundle if the source changed since it last ran). */
  prepare?: { cmd: string; args: string[] };
  command(ctx: BenchContext): { cmd: string; args: string[] };
}

/** Library calls made one after another in the benchmark's own process (first views, not load). */
export interface CallScenario extends Base {
  kind: "call";
  repeat: number;
  quickRepeat: number;
  /** Runs once before the calls (unmeasured). */
  prepare?(ctx: BenchContext): Promise<void>;
  call(ctx: BenchContext, i: number): Promise<unknown>;
}

export type Scenario = HttpScenario | CommandScenario | CallScenario;

const get = (path: string): Request => ({ method: "GET", path });
/** The filtered dashboard: women, two cohorts, one education level. */
const DASHBOARD_FILTER = "gender=K&cohort=2024&cohort=2025&education=gymnasial";

/** Every combination of education level, settlement and track with at least two of them set. */
const NEW_FILTERS: string[] = (() => {
  const out: string[] = [];
  for (const education of ["", ...EDUCATION_LEVELS])
    for (const settlement of ["", ...SETTLEMENTS])
      for (const track of ["", ...TRACKS]) {
        const set = Object.entries({ education, settlement, track }).filter(([, v]) => v);
        if (set.length >= 2) out.push(new URLSearchParams(set).toString());
      }
  return out;
})();
const pick = <T>(xs: T[], i: number) => xs[i % xs.length];

/**
 * The unfiltered figures of the data as it is now, as a running server keeps them (lib/metrics/warm.ts,
 * switched off in the benchmark's server so that it does not compute them while other pages are
 * measured). Without this, a run after an earlier one (whose import changed the data) would measure
 * the dashboard while the new snapshot of 200 000 people's facts is computed beside it.
 */
const currentFigures = (ctx: BenchContext) => getDashboard(ctx.manager, parseDashboardFilter(new URLSearchParams()), ctx.db, { fresh: true });

/**
 * A page's database floor: the reads its request makes, through the same library functions with
 * the same arguments, one after another as the page makes them: the signed-in user (every page
 * loads it fresh, lib/auth/session.ts), then the page's own.
 */
async function pageFloor(ctx: BenchContext, user: BenchUser, ...reads: (() => Promise<unknown>)[]) {
  await loadActiveUser(user.id, ctx.db);
  for (const read of reads) await read();
}

/** What the browser's router asks for when a link within the app is followed from another page of it. */
const RSC_CONTENT_TYPE = "text/x-component";
export function routerStateFrom(segment: string): string {
  return encodeURIComponent(JSON.stringify(["", { children: ["(app)", { children: [segment, { children: ["__PAGE__", {}] }] }] }]));
}

/**
 * The `_rsc` search parameter the router adds to such a request. Next.js 16 answers a payload
 * request whose `_rsc` does not match its router headers with a redirect to one that does: the
 * first 12 bytes of SHA-256 over the prefetch, segment-prefetch, router-state and Next-Url headers
 * ("0" for those not sent), base64url. Tested against Next's own function.
 */
export function cacheBustingParam(routerState: string): string {
  return createHash("sha256").update(["0", "0", routerState, "0"].join(",")).digest().subarray(0, 12).toString("base64url");
}

/** A request as App Router's client makes it when a link is followed from `from`. */
export function followedLink(r: Request, from: string): Request {
  const state = routerStateFrom(from);
  const path = `${r.path ?? "/"}${r.path?.includes("?") ? "&" : "?"}_rsc=${cacheBustingParam(state)}`;
  return { ...r, path, headers: { ...(r.headers ?? {}), RSC: "1", "Next-Router-State-Tree": state } };
}

/**
 * The same page reached by a link within the app (from `from`, another page under the same layout):
 * App Router then fetches only the page's Server Components payload, not a whole document with the
 * payload inlined, and does not render the shared layout again. Measured beside the full page
 * load (the targets are the full load's): most views of a working day are such navigations.
 */
function navigation(page: HttpScenario, from: string): HttpScenario {
  return {
    ...page,
    id: `${page.id}-nav`,
    title: `${page.title}, followed link (RSC payload)`,
    note: `a link followed from /${from}: the request App Router's client makes (RSC: 1, the router's state and its _rsc)`,
    targets: {},
    expectContentType: RSC_CONTENT_TYPE,
    requests: (ctx, user) => page.requests(ctx, user).map((r) => followedLink(r, from)),
  };
}

const PAGES: HttpScenario[] = [
  {
    id: "signin",
    title: "Sign-in (credentials, argon2id)",
    kind: "http",
    enabled: true,
    requires: ["app/api/auth/[...nextauth]/route.ts"],
    as: "coordinator",
    expectStatus: 302,
    targets: {},
    requests: (ctx, user) => [
      {
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: ctx.csrf.cookie },
        body: new URLSearchParams({ email: user.email, password: ctx.password, csrfToken: ctx.csrf.token, callbackUrl: "/" }).toString(),
      },
    ],
    dbFloor: (ctx, user) => findUserForSignIn(user.email, ctx.db),
  },
  {
    id: "caseload",
    title: "Coordinator's caseload (/deltagare)",
    kind: "http",
    enabled: true,
    requires: ["app/(app)/deltagare/page.tsx"],
    as: "coordinator",
    targets: { p95Ms: 200, floorRatio: true },
    requests: () => [get("/deltagare"), get("/deltagare?page=2"), get("/deltagare?q=ah")],
    dbFloor: (ctx, user, i) =>
      pageFloor(
        ctx,
        user,
        () => listUnitCoordinators(user, ctx.db),
        () => listParticipants(user, [{}, { page: 2 }, { q: "ah" }][i % 3], ctx.db),
      ),
  },
  {
    id: "participant",
    title: "Participant page with plan and timeline (/deltagare/[id])",
    kind: "http",
    enabled: true,
    requires: ["app/(app)/deltagare/[id]/page.tsx"],
    as: "coordinator",
    targets: { p95Ms: 200, floorRatio: true },
    requests: (_ctx, user) => user.participantIds.slice(0, 50).map((id) => get(`/deltagare/${id}`)),
    dbFloor: (ctx, user, i) => pageFloor(ctx, user, () => getParticipantPage(user, pick(user.participantIds.slice(0, 50), i), ctx.db)),
  },
  {
    id: "worklist",
    title: "Worklist (/arbetslista)",
    kind: "http",
    enabled: true,
    requires: ["app/(app)/arbetslista/page.tsx"],
    as: "coordinator",
    targets: { p95Ms: 200, floorRatio: true },
    requests: () => [get("/arbetslista")],
    dbFloor: (ctx, user) =>
      pageFloor(
        ctx,
        user,
        () => getWorklist(user, ctx.today, { onlyMine: true }, ctx.db),
        () => getCalendarFeedStatus(user, ctx.db),
      ),
  },
  {
    // No target of its own in the issue: the worklist's heaviest view. The whole unit's signals
    // (2 000 people) are computed once a data version and kept in memory for their pages and the
    // unit's other coordinators; nothing is written while this runs, so after the first view of
    // each unit it measures the kept list (a write anywhere makes the next view compute it again).
    id: "worklist-unit",
    title: "Worklist, the whole unit (/arbetslista?visa=enheten)",
    kind: "http",
    enabled: true,
    requires: ["app/(app)/arbetslista/page.tsx"],
    as: "coordinator",
    targets: {},
    requests: () => [get("/arbetslista?visa=enheten"), get("/arbetslista?visa=enheten&page=2")],
    dbFloor: (ctx, user, i) =>
      pageFloor(
        ctx,
        user,
        () => getWorklist(user, ctx.today, { page: 1 + (i % 2) }, ctx.db),
        () => getCalendarFeedStatus(user, ctx.db),
      ),
  },
  {
    id: "dashboard",
    title: "Results dashboard, unfiltered (/resultat)",
    kind: "http",
    enabled: true,
    requires: ["app/(app)/resultat/page.tsx"],
    as: "manager",
    targets: { p95Ms: 500, floorRatio: true },
    requests: () => [get("/resultat")],
    prepare: currentFigures,
    dbFloor: (ctx, user) => pageFloor(ctx, user, () => getDashboard(user, parseDashboardFilter(new URLSearchParams()), ctx.db)),
  },
  {
    id: "dashboard-filtered",
    title: "Results dashboard, filtered (/resultat?…)",
    kind: "http",
    enabled: true,
    requires: ["app/(app)/resultat/page.tsx"],
    as: "manager",
    targets: { p95Ms: 500, floorRatio: true },
    requests: () => [get(`/resultat?${DASHBOARD_FILTER}`)],
    prepare: currentFigures,
    dbFloor: (ctx, user) => pageFloor(ctx, user, () => getDashboard(user, parseDashboardFilter(new URLSearchParams(DASHBOARD_FILTER)), ctx.db)),
  },
];

export const SCENARIOS: Scenario[] = [
  ...PAGES,
  ...PAGES.filter((p) => p.id !== "signin" && p.id !== "worklist-unit").map((p) => navigation(p, p.id === "worklist" ? "deltagare" : "arbetslista")),
  {
    id: "dashboard-new-filter",
    title: "Results dashboard, first view of a filter combination nobody has asked for (in process)",
    kind: "call",
    enabled: true,
    requires: ["lib/metrics/facts.ts"],
    repeat: 20,
    quickRepeat: 3,
    targets: { p95Ms: 1000 },
    // The snapshot of facts is computed first (as the server keeps it); what is kept of the figures
    // of filters on education level, settlement or track is forgotten, so that every call computes
    // its figures from the snapshot (the unfiltered figures, which the report reads, stay).
    prepare: async (ctx) => {
      await currentFigures(ctx);
      await ctx.db.execute(sql`delete from metric_cache where key like 'snapshot:%' and (key like '%educationLevel%' or key like '%settlement%' or key like '%track%')`);
      forgetInMemory(ctx.db);
    },
    call: (ctx, i) => getDashboard(ctx.manager, parseDashboardFilter(new URLSearchParams(NEW_FILTERS[i % NEW_FILTERS.length])), ctx.db),
  },
  {
    id: "report",
    title: "Report command (npm run report)",
    kind: "command",
    enabled: true,
    note: "spawned as a process (node scripts/report.mjs, what npm run report runs): part of it is Node starting and loading the report's modules, not the report",
    requires: ["scripts/report.ts", "scripts/report.mjs"],
    repeat: 10,
    quickRepeat: 3,
    prepare: { cmd: process.execPath, args: ["--input-type=module", "-e", 'await (await import("./scripts/launcher.mjs")).ensureBundle("scripts/report.ts")'] },
    targets: { p95Ms: 500 },
    command: (ctx) => ({ cmd: process.execPath, args: ["scripts/report.mjs", "--as-of", ctx.today, "--municipality", ctx.municipalityCode, "--format", "json"] }),
  },
  {
    id: "import",
    title: "Import (npm run import) of generated participants with activities",
    kind: "command",
    enabled: true,
    note: "spawned as a process (node scripts/import.mjs, what npm run import runs), into a municipality of its own: a first import",
    requires: ["scripts/import.ts", "scripts/import.mjs"],
    repeat: 1,
    quickRepeat: 1,
    prepare: { cmd: process.execPath, args: ["--input-type=module", "-e", 'await (await import("./scripts/launcher.mjs")).ensureBundle("scripts/import.ts")'] },
    targets: { seconds: 60 },
    command: (ctx) => ({ cmd: process.execPath, args: ["scripts/import.mjs", ctx.importDir, "--municipality", ctx.importMunicipalityCode, "--name", `Benchimport ${ctx.importMunicipalityCode}`] }),
  },
];

/** A tiny query for the database's own floor: the round-trip every page pays at least. */
export const selectOne = (ctx: BenchContext) => ctx.db.execute(sql`select 1`);
