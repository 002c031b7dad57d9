// The current kartläggning on the participant page, with its earlier versions (who, when, what
// changed) and the link to do or revise it.
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { getSkillMappings } from "@/lib/participants/queries";
import type { SkillMappingData } from "@/lib/participants/schema";
import { getAreaMessages } from "@/lib/i18n/server";
import { fill, participantMessages, type ParticipantMessages } from "@/lib/i18n/areas/participant";
import { resultsMessages } from "@/lib/i18n/areas/results";

const WHEN = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });

function Mapping({ d, t, educationLevels }: { d: SkillMappingData; t: ParticipantMessages; educationLevels: Record<string, string> }) {
  const edu = [
    d.education.years != null ? `${d.education.years} ${t.yearsUnit}` : null,
    d.education.level ? educationLevels[d.education.level] : null,
    d.education.field,
    d.education.country,
  ].filter(Boolean);
  return (
    <dl className="facts" data-testid="mapping">
      <dt>{t.education}</dt>
      <dd>{edu.length ? edu.join(", ") : t.none}</dd>
      <dt>{t.work}</dt>
      <dd>{d.work.length ? d.work.map((w) => (w.years != null ? `${w.occupation} (${w.years} ${t.yearsUnit})` : w.occupation)).join(", ") : t.none}</dd>
      <dt>{t.drivingLicence}</dt>
      <dd>{t.drivingLicences[d.drivingLicence]}</dd>
      <dt>{t.languageSkills}</dt>
      <dd>{d.languageSkills.length ? d.languageSkills.map((l) => `${l.language} (${t.levels[l.level].toLowerCase()})`).join(", ") : t.none}</dd>
      <dt>{t.goalOccupations}</dt>
      <dd>{d.goalOccupations.length ? d.goalOccupations.join(", ") : t.none}</dd>
      <dt>{t.healthNeeds}</dt>
      <dd>{d.healthNeeds ? t.yes : t.no}</dd>
    </dl>
  );
}

export async function SkillMappingSection({ user, participantId }: { user: SessionUser; participantId: string }) {
  const t = await getAreaMessages(participantMessages);
  const r = await getAreaMessages(resultsMessages);
  const { current, history } = await getSkillMappings(user, participantId);
  const earlier = history.slice(1);
  return (
    <section aria-labelledby="mapping-title" id="kartlaggning">
      <h2 id="mapping-title">{t.mappingTitle}</h2>
      {current ? (
        <>
          <p className="definition">{fill(t.mappingVersion, { v: current.version, who: current.createdByName ?? t.none, when: WHEN.format(current.createdAt) })}</p>
          <Mapping d={current.data} t={t} educationLevels={r.educationLevels} />
        </>
      ) : (
        <p>{t.mappingNone}</p>
      )}
      {hasPermission(user, "participant:write") && (
        <p>
          <Link href={`/deltagare/${participantId}/kartlaggning`}>{current ? t.mappingEdit : t.mappingStart}</Link>
        </p>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{t.mappingHistory}</summary>
          <ol reversed data-testid="mapping-history">
            {history.map((h) => (
              <li key={h.id}>
                {fill(t.mappingVersion, { v: h.version, who: h.createdByName ?? t.none, when: WHEN.format(h.createdAt) })}
                {" – "}
                {t.changedFields}: {h.changed.map((c) => t.parts[c] ?? c).join(", ")}
                {h.version !== current?.version && (
                  <details>
                    <summary>
                      {t.mappingHistory}: version {h.version}
                    </summary>
                    <Mapping d={h.data} t={t} educationLevels={r.educationLevels} />
                  </details>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
