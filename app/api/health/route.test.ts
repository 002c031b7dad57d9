// The health check answers 200 after a database round-trip and 503 when the database is down.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.resetModules();
  vi.doUnmock("@/db");
});

describe("GET /api/health", () => {
  it("is 200 with a working database", async () => {
    const { openPglite } = await import("@/db/client");
    const handle = openPglite();
    vi.doMock("@/db", () => ({ getHandle: () => handle }));
    const { GET } = await import("./route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
    await handle.close();
  });
  it("is 503 with a clear body when the database is unreachable", async () => {
    const { openPostgres } = await import("@/db/client");
    // Nothing listens on port 1: the connection is refused at once.
    const handle = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });
    vi.doMock("@/db", () => ({ getHandle: () => handle }));
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const { GET } = await import("./route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "error", database: "unreachable" });
    spy.mockRestore();
    await handle.close();
  });
});
