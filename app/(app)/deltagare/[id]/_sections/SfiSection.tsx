// The participant's sfi as the teachers record it: read-only for the coordinator.
import { type getSfiSummary } from "@/lib/sfi/queries";
import { getAreaMessages } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";

export async function SfiSection({ summary: s }: { summary: Awaited<ReturnType<typeof getSfiSummary>> }) {
  const t = await getAreaMessages(sfiMessages);
  return (
    <section aria-labelledby="sfi-title" id="sfi">
      <h2 id="sfi-title">{t.summaryTitle}</h2>
      <dl className="facts">
        <dt>{t.currentGroup}</dt>
        <dd>{s.group ? `${s.group.name} (${s.group.school}), ${t.studyPath.toLowerCase()} ${s.group.studyPath}, ${t.course.toLowerCase()} ${s.group.course}` : t.notEnrolled}</dd>
        <dt>{t.share4w}</dt>
        <dd data-testid="sfi-share4w">{s.share4w === null ? t.none4w : `${Math.round(s.share4w * 100)} %`}</dd>
        <dt>{t.lastResult}</dt>
        <dd data-testid="sfi-last-result">{s.lastResult ? `${t[s.lastResult.kind as "kursbetyg" | "nationellt_prov"] ?? s.lastResult.kind} ${s.lastResult.course}: ${s.lastResult.grade} (${s.lastResult.resultDate})` : "–"}</dd>
        <dt>{t.breaks}</dt>
        <dd data-testid="sfi-breaks">
          {s.breaks.length === 0
            ? t.noBreaks
            : s.breaks.map((b) => `${b.kind === "avbrott" ? t.avbrott : t.uppehall} ${b.fromDate}${b.toDate ? `–${b.toDate}` : ""}${b.reason ? ` (${t.reasons[b.reason] ?? b.reason})` : ""}`).join("; ")}
        </dd>
      </dl>
    </section>
  );
}
