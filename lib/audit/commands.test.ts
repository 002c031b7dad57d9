// Reads audited at the same moment share one transaction (group commit) and still each get their
// own entries, their own actor and their own place in one unbroken chain; a bad entry fails only
// its own read; entries written inside a transaction go with it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { writeAudit } from "./commands";
import { verifyAuditChain } from "./verify";

let handle: DbHandle;
const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const actors = [0, 1, 2].map((i) => ({ id: U(100 + i), municipalityId: U(200 + i) }));

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe("writeAudit outside a transaction (reads)", () => {
  it("writes every caller's entries before it returns, fewer transactions than callers, one chain", async () => {
    const transactions = vi.spyOn(handle.db, "transaction");
    const calls = Array.from({ length: 60 }, (_, i) => {
      const by = actors[i % 3];
      const entries = [{ action: "participant.read", entityType: "participant", entityId: `p${i}`, participantId: U(i) }];
      if (i % 4 === 0) entries.push({ action: "plan.read", entityType: "plan", entityId: `plan${i}`, participantId: U(i) });
      return writeAudit(handle.db, by, entries).then(async () => {
        // Stored by the time the read may show anything.
        const mine = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, `p${i}`));
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({ userId: by.id, municipalityId: by.municipalityId, participantId: U(i) });
      });
    });
    await Promise.all(calls);
    expect(transactions.mock.calls.length).toBeGreaterThan(0);
    expect(transactions.mock.calls.length).toBeLessThan(60);
    transactions.mockRestore();
    const rows = await handle.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows).toHaveLength(75);
    // A caller's two entries stay together, in the order given.
    const at = (id: string) => rows.findIndex((r) => r.entityId === id);
    expect(at("plan8")).toBe(at("p8") + 1);
    const chain = await verifyAuditChain(handle.db);
    expect(chain).toMatchObject({ ok: true, checked: 75, breaks: [] });
  });

  it("fails only the read whose entry cannot be stored", async () => {
    const good = actors.map((by, i) => writeAudit(handle.db, by, { action: "participant.read", entityType: "participant", entityId: `good${i}` }));
    const bad = writeAudit(handle.db, actors[0], { action: "participant.read", entityType: "participant", entityId: "bad", participantId: "not-a-uuid" });
    const more = writeAudit(handle.db, actors[1], { action: "participant.read", entityType: "participant", entityId: "good-after" });
    await expect(bad).rejects.toThrow();
    await expect(Promise.all([...good, more])).resolves.toBeDefined();
    const stored = await handle.db.select({ entityId: auditLog.entityId }).from(auditLog);
    expect(stored.map((r) => r.entityId)).toEqual(expect.arrayContaining(["good0", "good1", "good2", "good-after"]));
    expect(stored.map((r) => r.entityId)).not.toContain("bad");
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
});

describe("writeAudit inside a transaction (changes)", () => {
  it("goes with the transaction: kept when it commits, gone when it rolls back", async () => {
    const before = (await handle.db.select().from(auditLog)).length;
    await handle.db.transaction((tx) => writeAudit(tx, actors[0], { action: "participant.update", entityType: "participant", entityId: "kept" }));
    await expect(
      handle.db.transaction(async (tx) => {
        await writeAudit(tx, actors[0], { action: "participant.update", entityType: "participant", entityId: "rolled-back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const after = await handle.db.select({ entityId: auditLog.entityId }).from(auditLog);
    expect(after).toHaveLength(before + 1);
    expect(after.map((r) => r.entityId)).toContain("kept");
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
});
