// A hand-over of information to Arbetsförmedlingen: the participant's goal and activities as plain
// text. Refused (ConsentRequiredError) without a valid consent to share with Arbetsförmedlingen;
// when given, the hand-over is audited together with the consent it relied on.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, participants, plans } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/permissions";
import { requireConsent } from "@/lib/consent";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";

const ACTIVITY_NAMES: Record<string, string> = {
  sfi: "Sfi",
  yrkes_sfi: "Yrkessfi",
  samhallsorientering: "Samhällsorientering",
  validering: "Validering",
  praktik: "Praktik",
  extratjanst: "Extratjänst",
  introduktionsjobb: "Introduktionsjobb",
  anstallning: "Anställning",
  rekryteringsutbildning: "Rekryteringsutbildning",
  arbetsmarknadsutbildning: "Arbetsmarknadsutbildning",
  vuxenutbildning: "Vuxenutbildning",
  halsoundersokning: "Hälsoundersökning",
  annan: "Annan insats",
};

export async function afPlanSummary(actor: Actor, participantId: string, asOf: string, db: Executor = getDb()): Promise<string> {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  const [p] = await db
    .select({ id: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd })
    .from(participants)
    .where(and(eq(participants.id, participantId), participantScope(actor)))
    .limit(1);
  if (!p) throw new NotFoundError("participant");
  const consent = await requireConsent(db, p.id, "arbetsformedlingen", asOf);
  const [plan] = await db.select().from(plans).where(eq(plans.participantId, p.id)).limit(1);
  const acts = await db
    .select({ type: activities.type, status: activities.status, startDate: activities.startDate, endDate: activities.endDate, provider: activities.provider })
    .from(activities)
    .where(eq(activities.participantId, p.id))
    .orderBy(asc(activities.startDate));
  const lines = [
    `Sammanfattning av individuell plan – till Arbetsförmedlingen (${asOf})`,
    "",
    `Deltagare: ${p.firstName} ${p.lastName}, född ${p.birthDate}`,
    `Etableringsprogram: ${p.programmeStart ?? "ej startat"}${p.programmeEnd ? ` – ${p.programmeEnd}` : ""}`,
    "",
    "Mål:",
    plan?.goalOccupation || plan?.goalType || plan?.goalNote
      ? `  ${[plan.goalType, plan.goalOccupation].filter(Boolean).join(": ")}${plan.goalNote ? ` – ${plan.goalNote}` : ""}`
      : "  Inget mål registrerat.",
    "",
    "Insatser:",
    ...(acts.length
      ? acts.map((a) => `  ${ACTIVITY_NAMES[a.type] ?? a.type} (${a.status}) ${a.startDate}${a.endDate ? ` – ${a.endDate}` : ""}${a.provider ? `, ${a.provider}` : ""}`)
      : ["  Inga insatser registrerade."]),
    "",
    `Lämnas ut med deltagarens samtycke (${consent.method}, ${consent.givenOn}): ${consent.scope}`,
  ];
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "handover.af_plan_summary",
    entityType: "participant",
    entityId: p.id,
    participantId: p.id,
    details: { consentId: consent.id, activities: acts.length },
  });
  return lines.join("\n");
}
