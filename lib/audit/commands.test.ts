// The audit log's hash chain must stay one line when many requests write at once, also when the
// writes come from reads outside any transaction (the participant list and page).
import { afterAll, beforeAll, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { auditHash, writeAudit } from "./commands";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

it("keeps one unbroken chain under concurrent writers", async () => {
  const actor = { id: null, municipalityId: null };
  await Promise.all(Array.from({ length: 40 }, (_, i) => writeAudit(handle.db, actor, { action: "participant.read", entityType: "participant", entityId: String(i) })));
  const rows = await handle.db.select().from(auditLog).orderBy(asc(auditLog.id));
  expect(rows).toHaveLength(40);
  let prev: string | null = null;
  for (const r of rows) {
    expect(r.prevHash).toBe(prev);
    expect(r.hash).toBe(auditHash(prev, { at: r.at.toISOString(), municipalityId: r.municipalityId, userId: r.userId, action: r.action, entityType: r.entityType, entityId: r.entityId, participantId: r.participantId, details: r.details }));
    prev = r.hash;
  }
});
