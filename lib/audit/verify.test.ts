// The audit log is append-only at the database level, and the chain check finds an edited and a
// deleted entry (the test switches the trigger off as the table's owner to do the tampering).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { writeAudit } from "./commands";
import { verifyAuditChain } from "./verify";

let handle: DbHandle;
const actor = { id: null, municipalityId: null };

beforeAll(async () => {
  handle = await createTestDb();
  for (let i = 0; i < 5; i++) {
    await writeAudit(handle.db, actor, {
      action: "participant.read",
      entityType: "participant",
      entityId: `e${i}`,
      // Keys out of order on purpose: jsonb reorders them and the chain must still verify.
      details: { zeta: i, alpha: { b: 2, a: [1, { y: 1, x: 2 }] }, mid: "text" },
    });
  }
});
afterAll(async () => {
  await handle?.close();
});

async function tamper(statement: ReturnType<typeof sql>) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
  });
}

describe("audit log append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(handle.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow();
    await expect(handle.db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow();
    await expect(handle.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const rows = await handle.db.select().from(auditLog);
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.id === 1)?.action).toBe("participant.read");
  });
  it("still accepts new entries", async () => {
    await writeAudit(handle.db, actor, { action: "user.update", entityType: "user", entityId: "u1" });
    expect(await handle.db.$count(auditLog)).toBe(6);
  });
});

describe("verifyAuditChain", () => {
  it("reports an intact chain", async () => {
    const result = await verifyAuditChain(handle.db);
    expect(result).toMatchObject({ ok: true, checked: 6, breaks: [] });
  });
  it("detects an edited entry", async () => {
    await tamper(sql`UPDATE audit_log SET entity_id = 'someone-else' WHERE id = 2`);
    const result = await verifyAuditChain(handle.db);
    expect(result.ok).toBe(false);
    expect(result.breaks).toEqual([expect.objectContaining({ kind: "edited", id: 2 })]);
    // Undo so the next case sees only its own tampering.
    await tamper(sql`UPDATE audit_log SET entity_id = 'e1' WHERE id = 2`);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
  it("detects a deleted entry", async () => {
    await tamper(sql`DELETE FROM audit_log WHERE id = 4`);
    const result = await verifyAuditChain(handle.db);
    expect(result.ok).toBe(false);
    expect(result.breaks).toEqual([expect.objectContaining({ kind: "missing", id: 5, previousId: 3 })]);
  });
});

describe("concurrent writers", () => {
  it("keep one unbroken chain when many write at once outside a transaction", async () => {
    const h = await createTestDb();
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => writeAudit(h.db, { id: null, municipalityId: null }, { action: "test.concurrent", entityType: "test", details: { i } })),
      );
      const result = await verifyAuditChain(h.db);
      expect(result.ok).toBe(true);
    } finally {
      await h.close();
    }
  });
});
