// The action wrapper answers in the user's language: the schema's messages, the domain's refusals
// (with their values) and its own, in English for a user who chose English and in Swedish
// otherwise; a message without English stays Swedish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { addDays, todayIso } from "@/lib/dates";
import { FieldError } from "@/lib/errors";
import { recordOutcomeDef } from "@/lib/outcomes/commands";
import { registerParticipant } from "@/lib/participants/commands";
import { emptyParticipantForm, PNR_MESSAGES } from "@/lib/participants/schema";
import { updatePlanGoalDef } from "@/lib/plans/commands";
import { REVIEW_DATE_PAST } from "@/lib/plans/schema";
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { executeAction, fieldErrorsOf, localizeResult, type ActionDefinition } from "./action";
import type { SessionUser } from "./session";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let jonas: SessionUser;
let samira: SessionUser;
let participant: typeof s.participants.$inferSelect;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  jonas = demo.userBy("jonas");
  samira = demo.userBy("samira");
  [participant] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.deletedAt))).limit(1);
});
afterAll(async () => {
  await handle?.close();
});

async function goalInput() {
  const [plan] = await handle.db.select().from(s.plans).where(eq(s.plans.participantId, participant.id));
  return { participantId: participant.id, version: plan?.version ?? 0, goalType: "arbete", goalOccupation: "Kock", goalNote: "", reviewDate: "" };
}

describe("an action's answer", () => {
  it("has the schema's messages in the user's language", async () => {
    const input = { ...(await goalInput()), goalType: "", goalOccupation: "" };
    expect(await executeAction(updatePlanGoalDef, input, anna, handle.db, "en")).toEqual({
      ok: false,
      code: "invalid",
      formError: "Check the marked fields.",
      fieldErrors: { goalType: ["Choose work or studies."], goalOccupation: ["Enter the goal occupation or the field of study."] },
    });
    expect(await executeAction(updatePlanGoalDef, input, anna, handle.db, "sv")).toEqual({
      ok: false,
      code: "invalid",
      formError: "Kontrollera de markerade fälten.",
      fieldErrors: { goalType: ["Välj arbete eller studier."], goalOccupation: ["Skriv målyrket eller studieinriktningen."] },
    });
    // Swedish unless told: the tests' and scripts' calls stay as they were.
    expect(await executeAction(updatePlanGoalDef, input, anna, handle.db)).toMatchObject({ formError: "Kontrollera de markerade fälten." });
  });

  it("has the domain's refusals in the user's language", async () => {
    const input = { ...(await goalInput()), reviewDate: addDays(todayIso(), -3) };
    expect(await executeAction(updatePlanGoalDef, input, anna, handle.db, "en")).toMatchObject({
      ok: false,
      code: "invalid",
      formError: "Check the marked fields.",
      fieldErrors: { reviewDate: ["The next review must be today or a later date."] },
    });
    expect(await executeAction(updatePlanGoalDef, input, anna, handle.db, "sv")).toMatchObject({ fieldErrors: { reviewDate: [REVIEW_DATE_PAST] } });
  });

  it("keeps a refusal's values in English", async () => {
    const [p] = await handle.db
      .select()
      .from(s.participants)
      .where(and(eq(s.participants.unitId, anna.unitId!), isNotNull(s.participants.programmeEnd), isNull(s.participants.deletedAt)))
      .limit(1);
    const earliest = addDays(p.programmeEnd!, 90);
    const outcome = { participantId: p.id, kind: "dag90", status: "arbete", subsidized: "nej", recordedDate: addDays(p.programmeEnd!, 1), source: "samtal", version: 0 };
    expect(await executeAction(recordOutcomeDef, outcome, anna, handle.db, "en")).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { recordedDate: [`The outcome can be established on ${earliest} at the earliest (90 days after the exit).`] },
    });
    expect(await executeAction(recordOutcomeDef, outcome, anna, handle.db, "sv")).toMatchObject({
      fieldErrors: { recordedDate: [`Utfallet kan fastställas tidigast ${earliest} (90 dagar efter avslutet).`] },
    });
  });

  it("has the wrapper's own messages in the user's language", async () => {
    const input = await goalInput();
    expect(await executeAction(updatePlanGoalDef, input, null, handle.db, "en")).toEqual({ ok: false, code: "not_signed_in", formError: "You are not signed in." });
    expect(await executeAction(updatePlanGoalDef, input, null, handle.db, "sv")).toEqual({ ok: false, code: "not_signed_in", formError: "Du är inte inloggad." });
    expect(await executeAction(updatePlanGoalDef, input, samira, handle.db, "en")).toMatchObject({ ok: false, code: "not_found", formError: "Not found." });
    expect(await executeAction(updatePlanGoalDef, { ...input, version: input.version + 5 }, anna, handle.db, "en")).toMatchObject({
      ok: false,
      code: "conflict",
      formError: "Someone else has changed the details since you opened them. Compare and save again.",
    });
  });

  it("shows a message without English in Swedish, and codes as they are", async () => {
    const def = (fieldErrors: Record<string, string[]>, formError?: string): ActionDefinition<z.ZodObject<{}>, null> => ({
      schema: z.object({}),
      permission: "plan:write",
      run: async () => {
        throw new FieldError(fieldErrors, formError);
      },
      audit: () => [],
    });
    expect(await executeAction(def({ x: ["Ett nytt meddelande utan översättning."], y: ["unitRequired"] }, "Ännu ett."), {}, anna, handle.db, "en")).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { x: ["Ett nytt meddelande utan översättning."], y: ["unitRequired"] },
      formError: "Ännu ett.",
    });
  });

  it("of a registration refused for a personnummer already there is in English, with the link", async () => {
    const pnr = `19800101123${luhnCheckDigit("800101123")}`;
    const form = { ...emptyParticipantForm(anna.id), firstName: "Sara", lastName: "Ali", birthDate: "1980-01-01", gender: "K", receptionDate: "2026-03-01", personnummer: pnr };
    expect(await registerParticipant(anna, form, handle.db)).toMatchObject({ ok: true });
    const again = await registerParticipant(jonas, { ...form, firstName: "Annan" }, handle.db, "en");
    expect(again).toMatchObject({ ok: false, code: "invalid", formError: "Check the marked fields.", fieldErrors: { personnummer: ["There is already a participant with this personal identity number in the municipality."] } });
    expect(again.ok ? undefined : again.existingId).toMatch(/^[0-9a-f-]{36}$/);
    const sv = await registerParticipant(jonas, { ...form, firstName: "Annan" }, handle.db);
    expect(sv).toMatchObject({ fieldErrors: { personnummer: [PNR_MESSAGES.taken] } });
    expect(sv.ok ? undefined : sv.existingId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("localizeResult and fieldErrorsOf", () => {
  it("leave a success, and Swedish, untouched", () => {
    const ok = { ok: true as const, data: 1 };
    expect(localizeResult(ok, "en")).toBe(ok);
    const failed = { ok: false as const, code: "invalid" as const, formError: "Kontrollera de markerade fälten." };
    expect(localizeResult(failed, "sv")).toBe(failed);
    expect(localizeResult({ ...failed, existingId: "x" }, "en")).toEqual({ ...failed, existingId: "x", formError: "Check the marked fields." });
  });

  it("give zod's issues in the language asked", () => {
    const r = z.object({ name: z.string().min(1, { message: "Skriv förnamn." }) }).safeParse({ name: "" });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(fieldErrorsOf(r.error)).toEqual({ name: ["Skriv förnamn."] });
    expect(fieldErrorsOf(r.error, "en")).toEqual({ name: ["Enter the first name."] });
  });
});
