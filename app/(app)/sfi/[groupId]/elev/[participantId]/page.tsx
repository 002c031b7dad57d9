// One student of a teacher's group: attendance over four weeks and over the course, courses
// passed, time on each course, results, interruptions and pauses; the forms to record an
// interruption or pause and to complete the course, and "Ångra" for the latest completion or
// avbrott recorded by mistake. A closed group's student is read only. Sfi data only: never plans or notes.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { getStudent, undoBlockedText } from "@/lib/sfi/queries";
import { NotFoundError } from "@/lib/errors";
import { addDays, isoDateOf, todayIso } from "@/lib/dates";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { BreakForm, CompleteCourseForm } from "./StudentForms";
import { UndoEnding, type UndoView } from "./UndoEnding";
import { TableScroll } from "@/app/_components/TableScroll";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("sfiStudent"); }

export default async function StudentPage({ params }: { params: Promise<{ groupId: string; participantId: string }> }) {
  const user = await requirePermission("sfi:read");
  const t = await getAreaMessages(sfiMessages);
  const { groupId, participantId } = await params;
  let data;
  try {
    data = await getStudent(user, groupId, participantId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const { group, student, active, upcoming } = data;
  const today = todayIso();
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);
  const name = `${student.firstName} ${student.lastName}`;
  const closedOn = group.archivedAt ? isoDateOf(group.archivedAt) : null;
  const u = data.undo;
  const undo: UndoView | null = u && {
    kind: u.kind,
    enrolmentId: u.enrolmentId,
    version: u.version,
    help:
      u.kind === "klar"
        ? t.undoCompleteHelp.replace("{date}", u.endDate) + (u.nextPlace ? ` ${t.undoCompleteNext.replace("{group}", u.nextPlace.groupName).replace("{date}", u.nextPlace.startDate)}` : "")
        : t.undoBreakHelp.replace("{date}", data.breaks.find((b) => b.id === u.breakId)?.fromDate ?? addDays(u.endDate, 1)),
    blocked: u.blocker ? undoBlockedText(t, u.blocker) : null,
  };
  return (
    <>
      <p>
        <Link href={`/sfi/${group.id}`}>← {group.name}</Link>
      </p>
      <h1>{name}</h1>
      <p>
        {t.birthDate} {student.birthDate} · {t.studyPath} {group.studyPath} · {t.course} {group.course} ·{" "}
        <span data-testid="student-place">{active ? `${t.inGroupSince} ${active.startDate}${active.endDate ? `, ${t.through} ${active.endDate}` : ""}` : upcoming ? `${t.inGroupFrom} ${upcoming.startDate}` : t.notInGroup}</span>
      </p>
      {closedOn && (
        <p className="notice" data-testid="group-closed">
          <strong>{t.closedOn.replace("{date}", closedOn)}</strong> {t.closedHelp}
        </p>
      )}

      <h2>{t.figures}</h2>
      <dl className="facts">
          <dt>{t.share4w}</dt>
          <dd data-testid="student-share4w">{pct(data.share4w)}</dd>
          <dt>{t.shareCourse}</dt>
          <dd data-testid="student-share-course">{pct(data.shareCourse)}</dd>
          <dt>{t.coursesPassed}</dt>
          <dd data-testid="student-passed">{data.passed.length === 0 ? t.noneYet : data.passed.map((p) => `${p.course} (${p.grade}, ${p.resultDate})`).join(", ")}</dd>
      </dl>
      <TableScroll label={t.timeOnCourses}>
        <table className="table">
          <caption>{t.timeOnCourses}</caption>
          <thead>
            <tr>
              <th scope="col">{t.studyPath}</th>
              <th scope="col">{t.course}</th>
              <th scope="col">{t.fromDate}</th>
              <th scope="col">{t.toDate}</th>
              <th scope="col" className="num">{t.daysUnit}</th>
            </tr>
          </thead>
          <tbody>
            {data.courses.map((c) => (
              <tr key={`${c.studyPath}${c.course}`}>
                <td>{c.studyPath}</td>
                <th scope="row">{c.course}</th>
                <td>{c.from}</td>
                <td>{c.to ?? t.ongoing}</td>
                <td className="num">{c.days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t.results}</h2>
      {data.results.length === 0 ? (
        <p>{t.noneYet}</p>
      ) : (
        <ul>
          {data.results.map((r, i) => (
            <li key={i}>
              {r.resultDate}: {t[r.kind as "kursbetyg" | "nationellt_prov"]} {t.course.toLowerCase()} {r.course}, {t.grade.toLowerCase()} {r.grade}
            </li>
          ))}
        </ul>
      )}

      <h2>{t.breaks}</h2>
      {data.breaks.length === 0 ? (
        <p>{t.noBreaks}</p>
      ) : (
        <ul data-testid="student-breaks">
          {data.breaks.map((b, i) => (
            <li key={i}>
              {b.kind === "avbrott" ? t.avbrott : t.uppehall} {b.fromDate}
              {b.toDate ? `–${b.toDate}` : ""}
              {b.reason ? ` (${t.reasons[b.reason] ?? b.reason})` : ""}
            </li>
          ))}
        </ul>
      )}

      {!group.archivedAt && <UndoEnding groupId={group.id} participantId={student.participantId} name={name} offer={undo} t={t} />}
      {active && !group.archivedAt && (
        <>
          {/* A place with its last day set (the course completed, or an interruption ahead) has nothing left to complete. */}
          {active.endDate === null && (
            <>
              <h2>{t.completeTitle}</h2>
              <p>{data.nextCourse ? t.completeHelp : t.completeHelpLast}</p>
              <CompleteCourseForm groupId={group.id} participantId={student.participantId} today={today} nextCourse={data.nextCourse} nextGroups={data.nextGroups} t={t} />
            </>
          )}
          <h2>{t.breakTitle}</h2>
          <p>{t.breakHelp}</p>
          <BreakForm groupId={group.id} participantId={student.participantId} today={today} t={t} />
        </>
      )}
      {/* A place that has not started: nothing to complete yet, but a pause or an interruption (from its first day on) can be known already. */}
      {!active && upcoming && !group.archivedAt && (
        <>
          <h2>{t.breakTitle}</h2>
          <p>{t.upcomingPlaceHelp.replace("{date}", upcoming.startDate)}</p>
          <BreakForm groupId={group.id} participantId={student.participantId} today={upcoming.startDate > today ? upcoming.startDate : today} t={t} />
        </>
      )}
    </>
  );
}
