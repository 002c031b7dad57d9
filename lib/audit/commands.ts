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

/**
 * Append entries to the audit log. Call it inside the transaction of the change it records.
 * Outside a transaction (the audit of a read), the entries are written before it returns, in a
 * transaction of their own that they may share with other reads audited at the same moment
 * (see appendShared): the caller still shows nothing before its entries are stored.
 */
export async function writeAudit(exec: Executor, actor: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // The advisory lock holds until the transaction ends. Outside a transaction it would end with
  // its own statement, and concurrent writers on other connections would fork the chain.
  if (!isTransaction(exec)) return appendShared(exec as Db, { actor, list });
  await appendChained(exec, [{ actor, list }]);
}

/** Drizzle's transactions (and savepoints) have rollback(); the database handle does not. */
function isTransaction(exec: Executor): exec is Tx {
  return typeof (exec as { rollback?: unknown }).rollback === "function";
}

interface Batch {
  actor: AuditActor;
  list: AuditEntry[];
}

async function appendChained(tx: Tx, batches: Batch[]): Promise<void> {
  const next = await openAuditChain(tx, batches[0].actor);
  await tx.insert(auditLog).values(batches.flatMap((b) => b.list.map((e) => next(e, b.actor))));
}

interface Waiting extends Batch {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** At most this many callers' entries go into one transaction. */
const SHARED_MAX_CALLERS = 200;
const queues = new WeakMap<Db, { waiting: Waiting[]; running: boolean }>();

/**
 * Group commit for the audit of reads. Every page audits what it reads (a participant's page four
 * times), and each entry is chained under one lock: one transaction of five round trips each, all
 * waiting on the same lock. Instead, the reads audited while a write is under way wait for it and
 * go together into the next transaction (one lock, one insert), each in its own place in the
 * chain. A transaction that fails is retried caller by caller, so one bad entry fails only its
 * own read.
 */
function appendShared(db: Db, batch: Batch): Promise<void> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], running: false }));
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ ...batch, resolve, reject });
    if (!q.running) void drain(db, q);
  });
}

async function drain(db: Db, q: { waiting: Waiting[]; running: boolean }): Promise<void> {
  q.running = true;
  try {
    while (q.waiting.length > 0) {
      const group = q.waiting.splice(0, SHARED_MAX_CALLERS);
      try {
        await db.transaction((tx) => appendChained(tx, group));
        for (const w of group) w.resolve();
      } catch (err) {
        if (group.length === 1) {
          group[0].reject(err);
          continue;
        }
        for (const w of group) {
          try {
            await db.transaction((tx) => appendChained(tx, [w]));
            w.resolve();
          } catch (one) {
            w.reject(one);
          }
        }
      }
    }
  } finally {
    q.running = false;
  }
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
 * must be inserted in the order they were chained, in this transaction. An entry may name its own
 * actor (entries of several users written together); otherwise the chain's.
 */
export async function openAuditChain(tx: Tx, actor: AuditActor): Promise<(e: AuditEntry, by?: AuditActor) => ChainedAuditRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? null;
  const at = new Date();
  const atIso = at.toISOString();
  return (e, by = actor) => {
    const row = {
      at: atIso,
      municipalityId: by.municipalityId,
      userId: by.id,
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
