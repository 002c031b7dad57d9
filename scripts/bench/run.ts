// `npm run bench [-- --quick] [--participants N] [--database-url URL] [--skip-data] [--build]
// [--port P] [--duration S] [--import-rows N] [--only id,id] [--cpu-prof]`: generates the benchmark database (unless --skip-data), builds the app if
// needed, starts `next start` on it, signs in real users and measures each scenario of
// scenarios.ts at 1 and 20 concurrent users with autocannon, next to two floors measured in the
// same run: a trivial route (/api/health) and the scenario's own work done directly in
// PostgreSQL. Writes bench-results/<mode>.json and .md. Exits non-zero only when the harness
// itself breaks (a missed target is reported, not fatal, in quick mode and in full mode). With
// --only, just those scenarios run (beside the floors) and the files are <mode>-only.json/.md.
// Then every page once (pages.ts): its size and one view's time; a page that fails breaks the run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon, { type Client } from "autocannon";
import postgres from "postgres";
import { eq, and, isNull, asc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { argValue, generateBenchDatabase } from "./generate";
import { BENCH_MUNICIPALITY, BENCH_PASSWORD } from "./rows";
import { writeImportFiles } from "./import-files";
import { startCommand } from "../start-command";
import { PAGE_BYTES_LIMIT, pagesToVisit, visitPages, type PageResult } from "./pages";
import { STATS_FLUSH_MS, indexCounts, unreadIndexes, type IndexCount } from "./indexes";
import { SCENARIOS, selectOne, type BenchContext, type BenchUser, type CallScenario, type CommandScenario, type HttpScenario, type Scenario } from "./scenarios";

const ROOT = process.cwd();
const CONCURRENCY = [1, 20] as const;

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

interface ScenarioResult {
  id: string;
  title: string;
  status: "measured" | "not available" | "broken";
  note?: string;
  byConcurrency: Record<string, { page: Stats; dbFloor?: Stats; peakRssMb?: number }>;
  seconds?: number;
  targets: { name: string; limit: string; value: string; met: boolean }[];
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), p99: r(percentile(sorted, 99)), rps: r(sorted.length / seconds), errors };
}

// ---- memory of the server's process tree, sampled from /proc ----
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]);
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

class MemorySampler {
  peakKb = 0;
  windowPeakKb = 0;
  private timer: NodeJS.Timeout;
  constructor(private pid: number) {
    this.timer = setInterval(() => this.sample(), 200);
  }
  sample() {
    const kb = treeRssKb(this.pid);
    this.peakKb = Math.max(this.peakKb, kb);
    this.windowPeakKb = Math.max(this.windowPeakKb, kb);
  }
  /** Peak since the last call, in MB. */
  takeWindowMb() {
    this.sample();
    const mb = Math.round(this.windowPeakKb / 1024);
    this.windowPeakKb = 0;
    return mb;
  }
  stop() {
    clearInterval(this.timer);
  }
}

// ---- server ----
async function waitForHealth(baseUrl: string, server: ChildProcess, seconds = 90) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it answered`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer /api/health in time");
}

/** The first municipality code from 8998 downwards that no municipality in the database has. */
function freeImportCode(taken: ReadonlySet<string>): string {
  for (let code = 8998; code > 8000; code--) if (!taken.has(String(code))) return String(code);
  throw new Error("no free municipality code for the import between 8001 and 8998: generate the data again");
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function csrfOf(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookiesOf(res).join("; "), token: csrfToken };
}

/** Signs in through the real Auth.js credentials callback and returns the session cookie. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await csrfOf(baseUrl);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
    body: new URLSearchParams({ email, password, csrfToken: csrf.token, callbackUrl: "/" }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (status ${res.status})`);
  const check = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: session } })).json()) as { user?: { email?: string } } | null;
  if (check?.user?.email !== email) throw new Error(`the session of ${email} was not accepted`);
  return session;
}

// ---- measuring ----
async function measureHttp(ctx: BenchContext, sc: HttpScenario, users: BenchUser[], connections: number, duration: number) {
  const latencies: number[] = [];
  let bad = 0;
  let next = 0;
  const expect = sc.expectStatus ?? 200;
  const instance = autocannon({
    url: ctx.baseUrl,
    connections,
    duration,
    timeout: 30,
    setupClient: (client: Client) => {
      const user = users[next++ % users.length];
      const reqs = sc.requests(ctx, user).map((r) => ({ ...r, headers: { ...(r.headers ?? {}), cookie: [r.headers?.cookie, user.cookie].filter(Boolean).join("; ") } }));
      client.setRequests(reqs);
    },
  });
  instance.on("response", (_client: Client, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status !== expect) bad++;
  });
  const result = await instance;
  return stats(latencies, result.duration, bad + result.errors + result.timeouts);
}

async function measureFn(fn: (i: number, worker: number) => Promise<unknown>, connections: number, duration: number) {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const until = started + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await fn(i++, w);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return stats(latencies, (performance.now() - started) / 1000, errors);
}

function available(sc: Scenario): string | null {
  if (!sc.enabled) return sc.note ?? "not enabled";
  const missing = sc.requires.filter((f) => !existsSync(path.join(ROOT, f)));
  return missing.length ? `missing ${missing.join(", ")}` : null;
}

// ---- main ----
async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const participants = Number(argValue(args, "--participants") ?? (quick ? 2000 : 200000));
  const databaseUrl = argValue(args, "--database-url") ?? process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${quick ? "bench_quick" : "bench_data"}`;
  const port = Number(argValue(args, "--port") ?? 3300);
  const duration = Number(argValue(args, "--duration") ?? (quick ? 3 : 15));
  const importRows = Number(argValue(args, "--import-rows") ?? (quick ? 2000 : 100000));
  const today = todayIso();
  const log = (m: string) => console.error(m);
  const only = argValue(args, "--only")?.split(",").filter(Boolean);
  const mode = `${quick ? "quick" : "full"}${only ? "-only" : ""}`;
  const startedAt = Date.now();

  if (!args.includes("--skip-data")) {
    log(`Generating ${participants} participants into ${new URL(databaseUrl).pathname.slice(1)} …`);
    const gen = await generateBenchDatabase({ url: databaseUrl, participants, today, log: quick ? () => {} : log });
    log(`  ${Object.entries(gen.rows).map(([k, v]) => `${k} ${v}`).join(", ")} in ${gen.seconds.toFixed(1)} s`);
  }
  const scenarios = only ? SCENARIOS.filter((sc) => only.includes(sc.id)) : SCENARIOS;
  if (only && scenarios.length !== only.length) throw new Error(`--only: unknown scenario among ${only.join(", ")} (known: ${SCENARIOS.map((sc) => sc.id).join(", ")})`);
  const importDir = path.join(ROOT, "data", `bench-import-${quick ? "quick" : "full"}`);
  const needsImport = scenarios.some((sc) => sc.id === "import" && available(sc) === null);
  if (needsImport) await writeImportFiles(importDir, { participants: importRows, today });

  // The build of an earlier step is reused (CI builds just before); --build forces a new one.
  if (args.includes("--build") || !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("Building (npm run build) …");
    const b = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("npm run build failed");
  }

  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-not-for-production-0123456789", NODE_ENV: "production" as const, ETABLERA_NO_DEMO: "1", NEXT_TELEMETRY_DISABLED: "1", ETABLERA_METRICS_WARM_MINUTES: "0" };
  // What `npm start` runs (its Node flags included), without the npm wrapper, which would add
  // ~65 MB to the measured tree.
  // --cpu-prof: the server writes a V8 CPU profile to bench-results/profiles when it stops.
  const profile = args.includes("--cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "bench-results", "profiles")}`] : [];
  const server = spawn(process.execPath, [...profile, ...startCommand(ROOT).args(port, "127.0.0.1")], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stopServer = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  process.on("exit", stopServer);
  // The same connection settings as the app's (db/client.ts: JIT off), so the database floors and
  // the in-process scenarios run the queries as the server does.
  const sql = postgres(databaseUrl, { max: 20, onnotice: () => {}, connection: { jit: "off" } });
  const baseUrl = `http://127.0.0.1:${port}`;
  let memory: MemorySampler | null = null;
  try {
    await waitForHealth(baseUrl, server);
    memory = new MemorySampler(server.pid!);
    const db = drizzle(sql, { schema });

    // The users: one coordinator per unit (up to 20), with the participants they may open.
    const [mun] = await db.select().from(schema.municipalities).where(eq(schema.municipalities.code, BENCH_MUNICIPALITY.code));
    if (!mun) throw new Error(`no benchmark municipality in ${databaseUrl}: run without --skip-data`);
    const coords = await db.select().from(schema.users).where(and(eq(schema.users.municipalityId, mun.id), eq(schema.users.role, "coordinator"))).orderBy(asc(schema.users.email));
    const byUnit = new Map<string, (typeof coords)[number]>();
    for (const c of coords) if (c.unitId && !byUnit.has(c.unitId)) byUnit.set(c.unitId, c);
    const chosen = [...byUnit.values(), ...coords.filter((c) => !byUnit.has(c.unitId!) || byUnit.get(c.unitId!) !== c)].slice(0, 20);
    const toUser = async (u: (typeof coords)[number]): Promise<BenchUser> => {
      const ids = u.unitId
        ? (await db.select({ id: schema.participants.id }).from(schema.participants).where(and(eq(schema.participants.unitId, u.unitId), eq(schema.participants.coordinatorId, u.id), isNull(schema.participants.deletedAt))).limit(80)).map((r) => r.id)
        : [];
      return { id: u.id, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId, email: u.email, participantIds: ids, cookie: await signIn(baseUrl, u.email, BENCH_PASSWORD) };
    };
    const coordinators: BenchUser[] = [];
    for (const c of chosen) coordinators.push(await toUser(c));
    const [mgr] = await db.select().from(schema.users).where(and(eq(schema.users.municipalityId, mun.id), eq(schema.users.role, "manager")));
    const manager = await toUser(mgr);
    log(`Signed in ${coordinators.length} coordinators and a manager.`);

    // The import goes into a municipality of its own that is not in the database yet, so a run with
    // --skip-data after an earlier one measures a first import again, not a re-import of the same files.
    const taken = new Set((await db.select({ code: schema.municipalities.code }).from(schema.municipalities)).map((m) => m.code));
    const importMunicipalityCode = freeImportCode(taken);

    const ctx: BenchContext = { baseUrl, databaseUrl, db, sql, quick, today, municipalityCode: BENCH_MUNICIPALITY.code, password: BENCH_PASSWORD, coordinators, manager, csrf: await csrfOf(baseUrl), importDir, importRows, importMunicipalityCode };

    const indexesBefore = await indexCounts(ctx.sql);
    // Floors that every scenario is compared with.
    const framework: Record<number, Stats> = {};
    const dbRoundTrip: Record<number, Stats> = {};
    for (const c of CONCURRENCY) {
      framework[c] = await measureHttp(ctx, { id: "health", title: "", kind: "http", enabled: true, requires: [], as: "coordinator", targets: {}, requests: () => [{ method: "GET", path: "/api/health" }] }, coordinators, c, duration);
      dbRoundTrip[c] = await measureFn(() => selectOne(ctx), c, Math.max(1, duration / 2));
      log(`floor @${c}: /api/health p95 ${framework[c].p95} ms, select 1 p95 ${dbRoundTrip[c].p95} ms`);
    }
    memory.takeWindowMb();

    const results: ScenarioResult[] = [];
    for (const sc of scenarios) {
      const why = available(sc);
      if (why) {
        results.push({ id: sc.id, title: sc.title, status: "not available", note: why, byConcurrency: {}, targets: [] });
        log(`${sc.id}: not available (${why})`);
        continue;
      }
      const res: ScenarioResult = { id: sc.id, title: sc.title, status: "measured", byConcurrency: {}, targets: [] };
      if (sc.kind === "http") await runHttp(ctx, sc, res, framework, duration, memory, log);
      else if (sc.kind === "call") await runCall(ctx, sc, res, log);
      else await runCommand(ctx, sc, res, env, memory, log);
      results.push(res);
    }
    // Every page once (scripts/bench/pages.ts), as a coordinator, an sfi teacher with groups, the
    // manager and an admin of the municipality.
    const [teacher] = await ctx.sql<{ id: string; email: string }[]>`
      select u.id::text as id, u.email from users u join sfi_group_teachers gt on gt.user_id = u.id
       where u.municipality_id = ${mun.id} and u.role = 'sfi_teacher' and u.active group by u.id order by count(*) desc, u.email limit 1`;
    const [admin] = await db.select().from(schema.users).where(and(eq(schema.users.municipalityId, mun.id), eq(schema.users.role, "admin"))).orderBy(asc(schema.users.email)).limit(1);
    const visits = await pagesToVisit(ctx, coordinators[0], teacher.id);
    const cookies = { coordinator: coordinators[0].cookie, manager: manager.cookie, teacher: await signIn(baseUrl, teacher.email, BENCH_PASSWORD), admin: await signIn(baseUrl, admin.email, BENCH_PASSWORD) };
    const pages = await visitPages(baseUrl, visits, cookies);
    const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    log(`pages: ${pages.length} visited, the largest ${largest.path} (${Math.round(largest.bytes / 1024)} kB)`);
    const pagesTarget = { name: "the largest page (every page once)", limit: `< ${PAGE_BYTES_LIMIT / 1024} kB`, value: `${Math.round(largest.bytes / 1024)} kB (${largest.as} ${largest.path})`, met: largest.bytes < PAGE_BYTES_LIMIT };

    await new Promise((r) => setTimeout(r, STATS_FLUSH_MS));
    const unread = unreadIndexes(indexesBefore, await indexCounts(ctx.sql));
    log(`indexes: ${unread.length} not read during the run`);

    const peakMb = Math.round(memory.peakKb / 1024);
    const out = { mode, date: new Date().toISOString(), participants, durationPerRunS: duration, machine: { cores: (await import("node:os")).cpus().length }, floors: { framework, dbRoundTrip }, peakServerRssMb: peakMb, memoryTarget: { limitMb: 500, met: peakMb < 500 }, scenarios: results, pages, pagesTarget, unreadIndexes: unread, wallSeconds: Math.round((Date.now() - startedAt) / 1000) };
    mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench-results", `${mode}.json`), JSON.stringify(out, null, 2) + "\n");
    const md = markdown(out);
    writeFileSync(path.join(ROOT, "bench-results", `${mode}.md`), md);
    console.log(md);
    const broken = results.filter((r) => r.status === "broken");
    if (broken.length) throw new Error(`scenarios broken: ${broken.map((b) => `${b.id} (${b.note})`).join("; ")}`);
    const badPages = pages.filter((pg) => pg.status !== 200);
    if (badPages.length) throw new Error(`pages that did not answer 200: ${badPages.map((pg) => `${pg.as} ${pg.path} (${pg.status})`).join("; ")}`);
  } finally {
    memory?.stop();
    await sql.end({ timeout: 5 });
    stopServer();
  }
}

async function runHttp(ctx: BenchContext, sc: HttpScenario, res: ScenarioResult, framework: Record<number, Stats>, duration: number, memory: MemorySampler, log: (m: string) => void) {
  const users = sc.as === "manager" ? [ctx.manager] : ctx.coordinators;
  if (sc.prepare) {
    const p = performance.now();
    await sc.prepare(ctx);
    log(`${sc.id}: prepared in ${Math.round(performance.now() - p)} ms`);
  }
  // One unmeasured request first, as a running server would have had.
  const t = performance.now();
  const first = sc.requests(ctx, users[0])[0];
  const firstRes = await fetch(`${ctx.baseUrl}${first.path}`, { method: first.method, headers: { ...(first.headers ?? {}), cookie: [first.headers?.cookie, users[0].cookie].filter(Boolean).join("; ") }, body: first.body, redirect: "manual" });
  const firstBytes = (await firstRes.arrayBuffer()).byteLength;
  log(`${sc.id}: first request (unmeasured) ${Math.round(performance.now() - t)} ms, ${firstRes.status}, ${Math.round(firstBytes / 1024)} kB`);
  const type = firstRes.headers.get("content-type") ?? "";
  if (sc.expectContentType && !type.startsWith(sc.expectContentType)) {
    res.status = "broken";
    res.note = `answered ${type || "no content type"}, not ${sc.expectContentType}`;
    return;
  }
  for (const c of CONCURRENCY) {
    const page = await measureHttp(ctx, sc, users, c, duration);
    const peakRssMb = memory.takeWindowMb();
    const dbFloor = sc.dbFloor ? await measureFn((i, w) => sc.dbFloor!(ctx, users[w % users.length], i), c, Math.max(1, duration / 2)) : undefined;
    res.byConcurrency[c] = { page, dbFloor, peakRssMb };
    log(`${sc.id} @${c}: p50 ${page.p50} p95 ${page.p95} p99 ${page.p99} ms, ${page.rps} req/s, ${page.errors} bad; db floor p95 ${dbFloor?.p95 ?? "–"} ms; rss ${peakRssMb} MB`);
    // A page that mostly fails measures nothing: the harness (or the app) is broken.
    if (page.n === 0 || page.errors > page.n * 0.05) {
      res.status = "broken";
      res.note = `${page.errors} of ${page.n} answers were not ${sc.expectStatus ?? 200}`;
    }
  }
  const at20 = res.byConcurrency[20];
  if (sc.targets.p95Ms !== undefined) res.targets.push({ name: "p95 @20", limit: `< ${sc.targets.p95Ms} ms`, value: `${at20.page.p95} ms`, met: at20.page.p95 < sc.targets.p95Ms });
  if (sc.targets.floorRatio && at20.dbFloor) {
    const limit = 3 * at20.dbFloor.p95 + framework[20].p95;
    res.targets.push({ name: "≤ 3×db floor + framework floor (p95 @20)", limit: `≤ ${limit.toFixed(1)} ms`, value: `${at20.page.p95} ms`, met: at20.page.p95 <= limit });
  }
}

async function runCall(ctx: BenchContext, sc: CallScenario, res: ScenarioResult, log: (m: string) => void) {
  const runs = ctx.quick ? sc.quickRepeat : sc.repeat;
  await sc.prepare?.(ctx);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await sc.call(ctx, i);
    times.push(performance.now() - t);
  }
  const st = stats(times, times.reduce((a, b) => a + b, 0) / 1000, 0);
  res.byConcurrency[1] = { page: st };
  log(`${sc.id}: ${runs} call(s), p50 ${st.p50} p95 ${st.p95} ms`);
  if (sc.targets.p95Ms !== undefined) res.targets.push({ name: "p95 (one at a time)", limit: `< ${sc.targets.p95Ms} ms`, value: `${st.p95} ms`, met: st.p95 < sc.targets.p95Ms });
}

async function runCommand(ctx: BenchContext, sc: CommandScenario, res: ScenarioResult, env: NodeJS.ProcessEnv, memory: MemorySampler, log: (m: string) => void) {
  const runs = ctx.quick ? sc.quickRepeat : sc.repeat;
  const times: number[] = [];
  /** What the command says its own work took (REPORT_TIMING), apart from the process starting. */
  const inProcess: number[] = [];
  const { cmd, args } = sc.command(ctx);
  if (sc.prepare) {
    const p = spawnSync(sc.prepare.cmd, sc.prepare.args, { env, encoding: "utf8" });
    if (p.status !== 0) log(`${sc.id}: preparing failed (${p.status}): ${(p.stderr || p.stdout).slice(-400)}`);
  }
  // A repeated command gets one unmeasured run first, as a page gets one unmeasured request (the
  // files it reads are then in the page cache, as on a machine where it runs every day).
  if (runs > 1) spawnSync(cmd, args, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const p = spawnSync(cmd, args, { env: { ...env, REPORT_TIMING: "1" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - t);
    const own = /report-timing: migrate (\d+) ms, report (\d+) ms/.exec(p.stderr ?? "");
    if (own) inProcess.push(Number(own[2]));
    if (p.status !== 0) {
      res.status = "broken";
      res.note = `${cmd} ${args.join(" ")} exited ${p.status}: ${(p.stderr || p.stdout).slice(-400)}`;
      log(`${sc.id}: ${res.note}`);
      return;
    }
  }
  const st = stats(times, times.reduce((a, b) => a + b, 0) / 1000, 0);
  res.byConcurrency[1] = { page: st, peakRssMb: memory.takeWindowMb() };
  const own = inProcess.length === runs ? stats(inProcess, inProcess.reduce((a, b) => a + b, 0) / 1000, 0) : undefined;
  if (own) {
    res.byConcurrency["1 (the report itself)"] = { page: own };
    log(`${sc.id}: the report itself p50 ${own.p50} p95 ${own.p95} ms (the rest is the process starting)`);
  }
  res.seconds = Math.round(times.reduce((a, b) => a + b, 0) / runs / 100) / 10;
  log(`${sc.id}: ${runs} run(s), p50 ${st.p50} p95 ${st.p95} ms`);
  if (sc.targets.p95Ms !== undefined) res.targets.push({ name: "p95", limit: `< ${sc.targets.p95Ms} ms`, value: `${st.p95} ms`, met: st.p95 < sc.targets.p95Ms });
  if (sc.targets.p95Ms !== undefined && own) res.targets.push({ name: "p95 of the report itself", limit: `< ${sc.targets.p95Ms} ms`, value: `${own.p95} ms`, met: own.p95 < sc.targets.p95Ms });
  if (sc.targets.seconds !== undefined) res.targets.push({ name: `time (${ctx.importRows} rows)`, limit: `< ${sc.targets.seconds} s`, value: `${res.seconds} s`, met: res.seconds < sc.targets.seconds });
}

function markdown(out: {
  mode: string;
  date: string;
  participants: number;
  durationPerRunS: number;
  floors: { framework: Record<number, Stats>; dbRoundTrip: Record<number, Stats> };
  peakServerRssMb: number;
  memoryTarget: { met: boolean };
  scenarios: ScenarioResult[];
  pages: PageResult[];
  pagesTarget: ScenarioResult["targets"][number];
  unreadIndexes: IndexCount[];
}) {
  const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : String(x));
  const lines = [
    `# Benchmark (${out.mode}): ${out.participants} participants, ${out.date.slice(0, 16)}Z`,
    "",
    `${out.durationPerRunS} s of load per scenario and concurrency. Latencies in ms; ratio = page p95 / (db floor p95 + framework floor p95).`,
    "",
    "| scenario | users | p50 | p95 | p99 | req/s | bad | db floor p95 | framework floor p95 | ratio | peak RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const c of CONCURRENCY) lines.push(`| framework floor (/api/health) | ${c} | ${out.floors.framework[c].p50} | ${out.floors.framework[c].p95} | ${out.floors.framework[c].p99} | ${out.floors.framework[c].rps} | ${out.floors.framework[c].errors} | ${out.floors.dbRoundTrip[c].p95} (select 1) | – | – | – |`);
  for (const r of out.scenarios) {
    if (r.status === "not available") {
      lines.push(`| ${r.title} | – | not available: ${r.note} | | | | | | | | |`);
      continue;
    }
    for (const [c, m] of Object.entries(r.byConcurrency)) {
      const fw = out.floors.framework[Number.parseInt(c, 10)];
      const ratio = m.dbFloor ? (m.page.p95 / (m.dbFloor.p95 + fw.p95)).toFixed(2) : "–";
      lines.push(`| ${r.title}${r.status === "broken" ? " (BROKEN)" : ""} | ${c} | ${f(m.page.p50)} | ${f(m.page.p95)} | ${f(m.page.p99)} | ${f(m.page.rps)} | ${m.page.errors} | ${f(m.dbFloor?.p95)} | ${fw.p95} | ${ratio} | ${f(m.peakRssMb)} |`);
    }
  }
  lines.push("", "## Targets", "", "| scenario | target | limit | value | |", "|---|---|---|---|---|");
  for (const r of out.scenarios) for (const t of r.targets) lines.push(`| ${r.id} | ${t.name} | ${t.limit} | ${t.value} | ${t.met ? "met" : "MISSED"} |`);
  lines.push(`| server | peak RSS of the next-server process tree | < 500 MB | ${out.peakServerRssMb} MB | ${out.memoryTarget.met ? "met" : "MISSED"} |`);
  const t = out.pagesTarget;
  lines.push(`| pages | ${t.name} | ${t.limit} | ${t.value} | ${t.met ? "met" : "MISSED"} |`, "");
  lines.push("## Every page once", "", "One view each (the second), one user, as the role that uses the page.", "", "| as | page | status | kB | ms |", "|---|---|---|---|---|");
  for (const pg of out.pages) lines.push(`| ${pg.as} | ${pg.path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "…")} | ${pg.status} | ${(pg.bytes / 1024).toFixed(1)} | ${pg.ms} |`);
  lines.push("", "## Indexes not read during the run", "");
  lines.push(
    "Each costs every write an entry. Not a verdict: a unique index keeps its rule unscanned, and some pages read indexes this run never asks for. On a small database (--quick) PostgreSQL reads small tables whole instead: look at a full run.",
    "",
  );
  lines.push("| table | index | unique | MB |", "|---|---|---|---|");
  for (const i of out.unreadIndexes) lines.push(`| ${i.table} | ${i.index} | ${i.unique ? "yes" : ""} | ${(i.bytes / 1048576).toFixed(1)} |`);
  lines.push("");
  return lines.join("\n");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error("bench failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
