// Writing the audit log. Every entry is chained to the previous one by a SHA-256 hash so an
// edited or deleted row shows; the advisory lock keeps the chain a single line even when
// several transactions write at once.
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  participantId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditActor {
  id: string | null;
  municipalityId: string | null;
}

const AUDIT_LOCK_KEY = 727_001;

export function auditHash(prevHash: string | null, row: {
  at: string;
  municipalityId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  participantId: string | null;
  details: Record<string, unknown> | null;
}): string {
  const payload = JSON.stringify([
    prevHash,
    row.at,
    row.municipalityId,
    row.userId,
    row.action,
    row.entityType,
    row.entityId,
    row.participantId,
    row.details,
  ]);
  return createHash("sha256").update(payload).digest("hex");
}

/** Append entries to the audit log. Call it inside the transaction of the change it records. */
export async function writeAudit(tx: Executor, actor: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // Reads audit on the bare database handle; there an advisory *xact* lock would end with its
  // own statement and concurrent readers would fork the chain. A nested transaction (a real one
  // on the handle, a savepoint inside a caller's transaction) keeps the lock to the insert.
  await tx.transaction((inner) => appendChained(inner, actor, list));
}

async function appendChained(tx: Executor, actor: AuditActor, list: AuditEntry[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? null;
  const at = new Date();
  const rows = list.map((e) => {
    const row = {
      at: at.toISOString(),
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      participantId: e.participantId ?? null,
      details: e.details ?? null,
    };
    const hash = auditHash(prevHash, row);
    const out = { ...row, at, prevHash, hash };
    prevHash = hash;
    return out;
  });
  await tx.insert(auditLog).values(rows);
}
