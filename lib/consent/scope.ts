// What a consent's scope (free text, in the participant's own terms) allows to be handed over, as
// the parts a hand-over is made of. A part is included only when the scope names it; anything the
// words do not name stays out. When in doubt the reading leaves a part out, never in: a hand-over
// may say less than the consent allows, never more.
//
// - goal:          "plan", "planen", "handlingsplan", … (the whole plan) or "mål", "målet", …
// - activities:    "plan…" (the whole plan) or "insats", "insatser", "aktiviteter", …
// - sfiAttendance: "närvaro", "närvaron", "sfi-närvaro", "frånvaro", … (not "sfi" alone: that is the
//                  sfi on the plan, one of its activities)
// - health:        "hälsa", "hälsan", "hälsoundersökning", "hälsouppgifter", … Health data is
//                  sensitive (GDPR art. 9) and needs the consent's explicit words: the plan alone
//                  does not bring the health examination along.
// A plan named without "mål" or "insatser" is the whole plan; "planens mål" is the goal alone.
// Words after a negation ("inte", "ej", "utom", "förutom", "utan", "except", "not", …) are not read
// as naming anything: "planen men inte hälsoundersökningen" is the plan without the examination.
// English words are read too (plan, goal, activities, attendance, health).

export const CONSENT_SCOPE_PARTS = ["goal", "activities", "sfiAttendance", "health"] as const;
export type ConsentScopePart = (typeof CONSENT_SCOPE_PARTS)[number];

const NEGATIONS = new Set(["inte", "ej", "icke", "utom", "förutom", "utan", "undantag", "undantaget", "exklusive", "not", "except", "excluding", "without", "no"]);

const isPlan = (w: string) => /plan(en|ens|er|erna|s)?$/.test(w) || w === "plans";
const isGoal = (w: string) => /^mål/.test(w) || /mål(et|en|ets|s)?$/.test(w) || w === "goal" || w === "goals";
const isActivities = (w: string) => w.includes("insats") || w.includes("aktivitet") || w === "activity" || w === "activities";
const isAttendance = (w: string) => w.includes("närvaro") || w.includes("frånvaro") || w === "attendance" || w === "absence";
const isHealth = (w: string) => /^häls/.test(w) || w.includes("hälsoundersökning") || w === "health";

/** The parts of a hand-over the scope names, in CONSENT_SCOPE_PARTS order. */
export function consentScopeParts(scope: string): ConsentScopePart[] {
  const words: string[] = [];
  for (const w of scope.normalize("NFC").toLowerCase().split(/[^\p{L}]+/u)) {
    if (!w) continue;
    if (NEGATIONS.has(w)) break;
    words.push(w);
  }
  const plan = words.some(isPlan);
  const goal = words.some(isGoal);
  const activities = words.some(isActivities);
  const named = new Set<ConsentScopePart>();
  if (goal || (plan && !activities)) named.add("goal");
  if (activities || (plan && !goal)) named.add("activities");
  if (words.some(isAttendance)) named.add("sfiAttendance");
  if (words.some(isHealth)) named.add("health");
  return CONSENT_SCOPE_PARTS.filter((p) => named.has(p));
}
