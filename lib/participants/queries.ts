// Reads of participants, always scoped to what the user may see, and audited.
import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { participants, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "./scope";
import { foldName } from "./search";

export interface ParticipantListOptions {
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function listParticipants(actor: Actor, opts: ParticipantListOptions = {}, db: Executor = getDb()) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const conditions = [participantScope(actor)];
  const q = opts.q?.trim();
  if (q) {
    const folded = foldName(q);
    const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(or(ilike(participants.searchName, `${escaped}%`), ilike(participants.searchName, `% ${escaped}%`))!);
  }
  const where = and(...conditions);
  const coordinator = users;
  const rows = await db
    .select({
      id: participants.id,
      firstName: participants.firstName,
      lastName: participants.lastName,
      birthDate: participants.birthDate,
      gender: participants.gender,
      receptionDate: participants.receptionDate,
      programmeStart: participants.programmeStart,
      programmeEnd: participants.programmeEnd,
      track: participants.track,
      coordinatorId: participants.coordinatorId,
      coordinatorName: coordinator.name,
    })
    .from(participants)
    .leftJoin(coordinator, eq(coordinator.id, participants.coordinatorId))
    .where(where)
    // "Mine" first, then by name.
    .orderBy(
      desc(sql`coalesce(${participants.coordinatorId} = ${actor.id}, false)`),
      asc(participants.lastName),
      asc(participants.firstName),
      asc(participants.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await db.select({ total: count() }).from(participants).where(where);
  if (rows.length > 0) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      details: { ids: rows.map((r) => r.id), query: q ? "name" : null },
    });
  }
  return { rows, total, page, pageSize };
}

export async function getParticipant(actor: Actor, id: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("participant");
  const [row] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.id, id), participantScope(actor)))
    .limit(1);
  if (!row) throw new NotFoundError("participant");
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "participant.read",
    entityType: "participant",
    entityId: row.id,
    participantId: row.id,
  });
  return row;
}
