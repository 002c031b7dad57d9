// The benchmark's followed-link requests are the ones App Router's client makes: a router state
// Next.js accepts, and the `_rsc` parameter Next.js computes for it (otherwise it redirects). The
// dashboards start from the figures a running server keeps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { dataVersion } from "@/lib/metrics/cache";
import { getDashboard, parseDashboardFilter } from "@/lib/metrics/dashboard";
import { rows } from "@/lib/metrics/sql";
import { cacheBustingParam, followedLink, routerStateFrom, SCENARIOS, type BenchContext, type HttpScenario } from "./scenarios";

describe("followed-link requests", () => {
  it("send a router state Next.js parses, with the _rsc its router computes for it", async () => {
    for (const from of ["arbetslista", "deltagare"]) {
      const state = routerStateFrom(from);
      expect(parseAndValidateFlightRouterState(state)).toEqual(["", { children: ["(app)", { children: [from, { children: ["__PAGE__", {}] }] }] }]);
      expect(cacheBustingParam(state)).toBe(await computeCacheBustingSearchParam(undefined, undefined, state, undefined));
    }
  });

  it("add _rsc to the page's own query and the router's headers", () => {
    const state = routerStateFrom("arbetslista");
    const plain = followedLink({ method: "GET", path: "/deltagare" }, "arbetslista");
    expect(plain.path).toBe(`/deltagare?_rsc=${cacheBustingParam(state)}`);
    expect(plain.headers).toEqual({ RSC: "1", "Next-Router-State-Tree": state });
    const filtered = followedLink({ method: "GET", path: "/resultat?gender=K", headers: { accept: "text/html" } }, "arbetslista");
    expect(filtered.path).toBe(`/resultat?gender=K&_rsc=${cacheBustingParam(state)}`);
    expect(filtered.headers).toMatchObject({ accept: "text/html", RSC: "1" });
  });
});

describe("the dashboards' preparation", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("leaves the unfiltered figures of the data as it is now, as a running server keeps them", async () => {
    const [m] = await handle.db.select().from(s.users).where(eq(s.users.role, "manager")).limit(1);
    const manager = { id: m.id, role: m.role, municipalityId: m.municipalityId, unitId: m.unitId };
    const ctx = { db: handle.db, manager } as unknown as BenchContext;
    const latest = async () =>
      (await rows(handle.db, sql`select data_version::text as v from metric_snapshots where municipality_id = ${m.municipalityId}
                                   and as_of = ${todayIso()}::date and completed_at is not null order by id desc limit 1`))[0]?.v;
    await getDashboard(manager, parseDashboardFilter(new URLSearchParams()), handle.db);
    const before = await latest();
    expect(before).toBe(await dataVersion(handle.db));
    // An earlier run's import: the data changes after the last snapshot.
    await handle.db.execute(sql`update participants set updated_at = now() where id = (select id from participants limit 1)`);
    expect(await dataVersion(handle.db)).not.toBe(before);

    const dashboards = SCENARIOS.filter((x): x is HttpScenario => x.kind === "http" && x.id.startsWith("dashboard"));
    expect(dashboards.map((x) => x.id).sort()).toEqual(["dashboard", "dashboard-filtered", "dashboard-filtered-nav", "dashboard-nav"]);
    for (const d of dashboards) {
      await d.prepare!(ctx);
      expect(await latest()).toBe(await dataVersion(handle.db));
    }
  });
});
