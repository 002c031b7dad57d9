// The current kartläggning on the participant page, with its earlier versions (who, when, what
// changed) and the link to do or revise it.
import { Fragment } from "react";
import Link from "@/app/_components/Link";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { type getSkillMappings } from "@/lib/participants/queries";
import { SKILL_MAPPING_PARTS, type SkillMappingData } from "@/lib/participants/schema";
import { mappingInWords, mappingPartLabels } from "@/lib/participants/mapping";
import { getAreaMessages } from "@/lib/i18n/server";
import { fill, participantMessages, type ParticipantMessages } from "@/lib/i18n/areas/participant";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { formatWhen } from "@/lib/dates";

function Mapping({ d, t, educationLevels }: { d: SkillMappingData; t: ParticipantMessages; educationLevels: Record<string, string> }) {
  const words = mappingInWords(d, t, educationLevels);
  const labels = mappingPartLabels(t);
  return (
    <dl className="facts" data-testid="mapping">
      {SKILL_MAPPING_PARTS.map((part) => (
        <Fragment key={part}>
          <dt>{labels[part]}</dt>
          <dd>{words[part]}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export async function SkillMappingSection({ user, participantId, data }: { user: SessionUser; participantId: string; data: Awaited<ReturnType<typeof getSkillMappings>> }) {
  const t = await getAreaMessages(participantMessages);
  const r = await getAreaMessages(resultsMessages);
  const { current, history } = data;
  const earlier = history.slice(1);
  return (
    <section aria-labelledby="mapping-title" id="kartlaggning">
      <h2 id="mapping-title">{t.mappingTitle}</h2>
      {current ? (
        <>
          <p className="definition">{fill(t.mappingVersion, { v: current.version, who: current.createdByName ?? t.none, when: formatWhen(current.createdAt) })}</p>
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
                {fill(t.mappingVersion, { v: h.version, who: h.createdByName ?? t.none, when: formatWhen(h.createdAt) })}
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
