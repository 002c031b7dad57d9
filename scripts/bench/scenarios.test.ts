// The benchmark's followed-link requests are the ones App Router's client makes: a router state
// Next.js accepts, and the `_rsc` parameter Next.js computes for it (otherwise it redirects).
import { describe, expect, it } from "vitest";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { cacheBustingParam, followedLink, routerStateFrom } from "./scenarios";

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
