// Writing the audit log. Every entry is chained to the previous one by a SHA-256 hash so an
// edited or deleted row shows; the advisory lock keeps the chain a single line even when
// several transactions write at once.
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Db, Executor, Tx } from "@/db";

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

/**
 * jsonb does not keep the key order of what was written, so the hash is taken over the details
 * with keys sorted at every level: the verifier reading the row back gets the same bytes.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj).sort()) if (obj[key] !== undefined) out[key] = canonical(obj[key]);
    return out;
  }
  return value;
}

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
    canonical(row.details),
  ]);
  return createHash("sha256").update(payload).digest("hex");
}

/** Append entries to the audit log. Call it inside the transaction of the change it records. */
export async function writeAudit(exec: Executor, actor: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // The advisory lock holds until the transaction ends. Outside a transaction it would end with
  // its own statement, and concurrent writers on other connections would fork the chain.
  if (!isTransaction(exec)) {
    await (exec as Db).transaction((tx) => appendChained(tx, actor, list));
    return;
  }
  await appendChained(exec, actor, list);
}

/** Drizzle's transactions (and savepoints) have rollback(); the database handle does not. */
function isTransaction(exec: Executor): exec is Tx {
  return typeof (exec as { rollback?: unknown }).rollback === "function";
}

async function appendChained(tx: Tx, actor: AuditActor, list: AuditEntry[]): Promise<void> {
  const next = await openAuditChain(tx, actor);
  await tx.insert(auditLog).values(list.map(next));
}

export interface ChainedAuditRow {
  at: Date;
  municipalityId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  participantId: string | null;
  details: Record<string, unknown> | null;
  prevHash: string | null;
  hash: string;
}

/**
 * Takes the audit lock and returns a function that chains entries one after the other, for
 * writers that insert the rows themselves (the bulk importer streams them with COPY). The rows
 * must be inserted in the order they were chained, in this transaction.
 */
export async function openAuditChain(tx: Tx, actor: AuditActor): Promise<(e: AuditEntry) => ChainedAuditRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? null;
  const at = new Date();
  const atIso = at.toISOString();
  return (e) => {
    const row = {
      at: atIso,
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
  };
}
