// The participant page's reads in one call: the same data as each section's own function, only
// for people in the actor's scope, and the read audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getPlan } from "@/lib/plans/queries";
import { listFollowups } from "@/lib/followups/queries";
import { getExitAndOutcome } from "@/lib/outcomes/queries";
import { getSfiSummary } from "@/lib/sfi/queries";
import { listConsents } from "@/lib/consent";
import { getParticipant, getParticipantHistory, getSkillMappings } from "./queries";
import { getParticipantPage } from "./page";

let handle: DbHandle;
let anna: Actor;
let samira: Actor;
let annasParticipant: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: "2026-06-30" });
  const coordinators = await handle.db.select().from(s.users).where(eq(s.users.role, "coordinator"));
  const toActor = (u: (typeof coordinators)[number]): Actor => ({ id: u.id, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId });
  anna = toActor(coordinators.find((u) => u.email.startsWith("anna"))!);
  samira = toActor(coordinators.find((u) => u.email.startsWith("samira"))!);
  // One of Anna's people with activities, follow-ups and an sfi course: every section has data.
  const [row] = await handle.db.execute<{ id: string }>(sql`
    select p.id from participants p
    where p.coordinator_id = ${anna.id}
      and exists (select 1 from activities a where a.participant_id = p.id and a.type = 'sfi')
      and exists (select 1 from followups f where f.participant_id = p.id)
    order by p.id limit 1`).then((r) => ("rows" in r ? r.rows : r) as { id: string }[]);
  annasParticipant = row.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("getParticipantPage", () => {
  it("gives every section what its own function gives", async () => {
    const page = await getParticipantPage(anna, annasParticipant, handle.db);
    const db = handle.db;
    expect(page.participant).toEqual(await getParticipant(anna, annasParticipant, db));
    expect(page.history).toEqual(await getParticipantHistory(anna, annasParticipant, db));
    expect(page.mappings).toEqual(await getSkillMappings(anna, annasParticipant, db));
    expect(page.plan).toEqual(await getPlan(anna, annasParticipant, db));
    expect(page.followups).toEqual(await listFollowups(anna, annasParticipant, db));
    expect(page.exit).toEqual(await getExitAndOutcome(anna, annasParticipant, db));
    expect(page.sfi).toEqual(await getSfiSummary(anna, annasParticipant, undefined, db));
    expect(page.consents).toEqual(await listConsents(anna, annasParticipant, db));
    expect(page.plan.activities.length).toBeGreaterThan(0);
    expect(page.followups.planned.length + page.followups.held.length).toBeGreaterThan(0);
  });

  it("audits the read of the person", async () => {
    const reads = () =>
      handle.db
        .select({ id: s.auditLog.id })
        .from(s.auditLog)
        .where(and(eq(s.auditLog.userId, anna.id), eq(s.auditLog.action, "participant.read"), eq(s.auditLog.entityId, annasParticipant)));
    const before = (await reads()).length;
    await getParticipantPage(anna, annasParticipant, handle.db);
    expect((await reads()).length).toBe(before + 1);
  });

  it("gives a coordinator of another unit nothing", async () => {
    await expect(getParticipantPage(samira, annasParticipant, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});
