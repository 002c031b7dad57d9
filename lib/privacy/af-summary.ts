// A hand-over of information to Arbetsförmedlingen: what the participant's consent names of their
// plan, sfi attendance and health examination, as plain text. Refused (ConsentRequiredError)
// without a valid consent to share with Arbetsförmedlingen, and (ConsentScopeError) when its scope
// names none of the parts (lib/consent/scope.ts); when given, the hand-over is audited together
// with the consent it relied on and the parts it held.
//
// The text is always in Swedish, whatever language the coordinator reads the app in: it is written
// for Arbetsförmedlingen. Codes are named with the plan's own Swedish words.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, participants, plans } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { ConsentScopeError, requireConsent } from "@/lib/consent";
import { consentScopeParts, type ConsentScopePart } from "@/lib/consent/scope";
import { NotFoundError } from "@/lib/errors";
import { planMessages } from "@/lib/i18n/areas/plan";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { participantScope } from "@/lib/participants/scope";
import { lastFourWeeks } from "@/lib/sfi/attendance";
import { getSfiSummary } from "@/lib/sfi/queries";

const plan = planMessages.sv;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The health examination's dates, in the order they happen, by the plan form's words. */
const HEALTH_DATES = ["offeredDate", "bookedDate", "doneDate", "declinedDate", "referredDate"] as const;

export interface AfSummary {
  /** The text handed over, in Swedish. */
  text: string;
  /** What of the participant's data it holds: what the consent's scope names. */
  parts: ConsentScopePart[];
  /** The consent it relies on. */
  consent: { id: string; scope: string; givenOn: string };
}

interface ActivityRow {
  type: string;
  status: string;
  startDate: string;
  endDate: string | null;
  provider: string | null;
  details: Record<string, unknown>;
}

function period(start: string, end: string | null): string {
  return end ? `${start} – ${end}` : `från ${start}`;
}

function activityLine(a: ActivityRow): string {
  const type = plan.types[a.type] ?? a.type;
  const status = lower(plan.statuses[a.status] ?? a.status);
  return `  ${type}, ${status}, ${period(a.startDate, a.endDate)}${a.provider ? `, anordnare: ${a.provider}` : ""}`;
}

/** A health examination's stage and dates only: the app never holds findings. */
function healthLine(a: ActivityRow): string {
  const stage = typeof a.details.healthStatus === "string" && a.details.healthStatus ? plan.healthStatuses[a.details.healthStatus] : undefined;
  const dates = HEALTH_DATES.filter((k) => typeof a.details[k] === "string" && a.details[k]).map((k) => `${lower(plan.fields[k])} ${a.details[k] as string}`);
  const head = stage ?? plan.statuses[a.status] ?? a.status;
  return `  ${head}${dates.length ? ` (${dates.join(", ")})` : `, ${period(a.startDate, a.endDate)}`}`;
}

function programmeLine(start: string | null, end: string | null): string {
  if (!start) return "Etableringsprogrammet: inte startat";
  return `Etableringsprogrammet: startdatum ${start}${end ? `, slutdatum ${end}` : ""}`;
}

export async function afPlanSummary(actor: Actor, participantId: string, asOf: string, db: Executor = getDb()): Promise<AfSummary> {
  if (!/^[0-9a-f-]{36}$/i.test(participantId) || !hasPermission(actor, "participant:read")) throw new NotFoundError("participant");
  const [p] = await db
    .select({ id: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd })
    .from(participants)
    .where(and(eq(participants.id, participantId), participantScope(actor)))
    .limit(1);
  if (!p) throw new NotFoundError("participant");
  const consent = await requireConsent(db, p.id, "arbetsformedlingen", asOf);
  const parts = consentScopeParts(consent.scope);
  if (parts.length === 0) throw new ConsentScopeError("arbetsformedlingen", consent.scope);
  const has = (part: ConsentScopePart) => parts.includes(part);

  // Each part is read only when the consent names it.
  const [goal] = has("goal") ? await db.select().from(plans).where(eq(plans.participantId, p.id)).limit(1) : [];
  const acts: ActivityRow[] =
    has("activities") || has("health")
      ? await db
          .select({ type: activities.type, status: activities.status, startDate: activities.startDate, endDate: activities.endDate, provider: activities.provider, details: activities.details })
          .from(activities)
          .where(eq(activities.participantId, p.id))
          .orderBy(asc(activities.startDate))
      : [];
  // The health examination is health data: only under "health", never among the plan's activities.
  const planActs = has("activities") ? acts.filter((a) => a.type !== "halsoundersokning") : [];
  const exams = has("health") ? acts.filter((a) => a.type === "halsoundersokning") : [];
  const sfi = has("sfiAttendance") ? await getSfiSummary(actor, p.id, asOf, db) : null;

  const lines = [
    `Sammanfattning av individuell plan – till Arbetsförmedlingen (${asOf})`,
    "",
    `Deltagare: ${p.firstName} ${p.lastName}, född ${p.birthDate}`,
    programmeLine(p.programmeStart, p.programmeEnd),
  ];
  if (has("goal")) {
    const type = goal?.goalType ? (plan.goalTypes[goal.goalType] ?? goal.goalType) : null;
    lines.push(
      "",
      "Mål:",
      goal?.goalOccupation || goal?.goalType || goal?.goalNote
        ? `  ${[type, goal.goalOccupation].filter(Boolean).join(": ")}${goal.goalNote ? ` – ${goal.goalNote}` : ""}`
        : "  Inget mål registrerat.",
    );
  }
  if (has("activities")) {
    lines.push("", "Insatser:", ...(planActs.length ? planActs.map(activityLine) : ["  Inga insatser registrerade."]));
  }
  if (sfi) {
    const { from, to } = lastFourWeeks(asOf);
    lines.push(
      "",
      `Närvaro i sfi de senaste fyra veckorna (${from} – ${to}):`,
      sfi.share4w === null ? "  Ingen lektion registrerad under perioden." : `  ${Math.round(sfi.share4w * 100)} % av den schemalagda tiden.`,
    );
  }
  if (has("health")) {
    lines.push("", "Hälsoundersökning:", ...(exams.length ? exams.map(healthLine) : ["  Ingen hälsoundersökning registrerad."]));
  }
  lines.push("", `Lämnas ut med deltagarens samtycke (${lower(privacyMessages.sv.consent.methods[consent.method])}, ${consent.givenOn}): ${consent.scope}`);

  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "handover.af_plan_summary",
    entityType: "participant",
    entityId: p.id,
    participantId: p.id,
    details: { consentId: consent.id, activities: planActs.length, parts },
  });
  return { text: lines.join("\n"), parts, consent: { id: consent.id, scope: consent.scope, givenOn: consent.givenOn } };
}
