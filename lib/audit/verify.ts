// Walks the audit log's hash chain from the first entry to the last and reports every place
// where it breaks: an entry whose hash no longer matches its content (edited), or whose
// prev_hash does not match the entry before it (an entry was deleted or inserted in between).
// Used by `npm run audit:verify` (scripts/audit-verify.ts) and the admin's audit view.
import { asc, gt } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db";
import { auditHash } from "./commands";

export type ChainBreak =
  | { kind: "edited"; id: number; expected: string; stored: string | null }
  | { kind: "missing"; id: number; previousId: number | null; detail: string };

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastId: number | null;
  breaks: ChainBreak[];
  /** Id gaps whose chain is intact: a rolled-back transaction uses up sequence numbers. */
  gapsWithIntactChain: number;
}

const BATCH = 2000;

export async function verifyAuditChain(db: Executor, opts: { maxBreaks?: number } = {}): Promise<VerifyResult> {
  const maxBreaks = opts.maxBreaks ?? 100;
  const breaks: ChainBreak[] = [];
  let checked = 0;
  let gaps = 0;
  let prev: { id: number; hash: string | null } | null = null;
  let cursor = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, cursor)).orderBy(asc(auditLog.id)).limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      checked++;
      const expectedPrev = prev ? prev.hash : null;
      if (row.prevHash !== expectedPrev) {
        breaks.push({
          kind: "missing",
          id: row.id,
          previousId: prev?.id ?? null,
          detail: prev
            ? `prev_hash does not match entry ${prev.id}${row.id !== prev.id + 1 ? ` (ids ${prev.id + 1}–${row.id - 1} are missing)` : ""}`
            : "the first remaining entry points at an earlier one that is gone",
        });
      } else if (prev && row.id !== prev.id + 1) {
        gaps++;
      }
      const expected = auditHash(row.prevHash, {
        at: row.at.toISOString(),
        municipalityId: row.municipalityId,
        userId: row.userId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        participantId: row.participantId,
        details: row.details ?? null,
      });
      if (expected !== row.hash) breaks.push({ kind: "edited", id: row.id, expected, stored: row.hash });
      if (breaks.length >= maxBreaks) return { ok: false, checked, lastId: row.id, breaks, gapsWithIntactChain: gaps };
      prev = { id: row.id, hash: row.hash };
    }
    cursor = rows[rows.length - 1].id;
  }
  return { ok: breaks.length === 0, checked, lastId: prev?.id ?? null, breaks, gapsWithIntactChain: gaps };
}

export function describeBreak(b: ChainBreak): string {
  return b.kind === "edited"
    ? `entry ${b.id}: content changed after it was written (hash mismatch)`
    : `entry ${b.id}: ${b.detail}`;
}
