import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { closeBlockedText, getGroupDay } from "@/lib/sfi/queries";
import { formatHours } from "@/lib/sfi/schema";
import { isoWeekday } from "@/lib/sfi/attendance";
import { NotFoundError } from "@/lib/errors";
import { isValidIsoDate, todayIso } from "@/lib/dates";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { AttendanceForm } from "./AttendanceForm";
import { ResultForm } from "./ResultForm";
import { EnrolForm } from "./EnrolForm";
import { GroupStateControl } from "./GroupStateControl";
import { ListTable } from "@/app/_components/ListTable";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("sfiGroup"); }

export default async function GroupPage({ params, searchParams }: { params: Promise<{ groupId: string }>; searchParams: Promise<{ datum?: string }> }) {
  const user = await requirePermission("sfi:read");
  const t = await getAreaMessages(sfiMessages);
  const { groupId } = await params;
  const { datum } = await searchParams;
  const today = todayIso();
  // A date that is not one, or has not come yet, falls back to today, and the page says so.
  const dateProblem = !datum ? null : !isValidIsoDate(datum) ? t.invalidDate : datum > today ? t.futureDate : null;
  const lessonDate = datum && !dateProblem ? datum : today;
  let day;
  try {
    day = await getGroupDay(user, groupId, lessonDate);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const { group, students, paused, upcoming, recorded, closedOn, remaining, former } = day;
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);
  return (
    <>
      <p>
        <Link href="/sfi">← {t.back}</Link>
      </p>
      <h1>{group.name}</h1>
      <p>
        {group.school} · {t.studyPath} {group.studyPath} · {t.course} {group.course} · {group.schedule.days.map((d) => t.weekdays[d]).join(", ")} {group.schedule.start}–{group.schedule.end}
      </p>
      {closedOn ? (
        // A closed group is read, not written: no forms until it is opened again (at the bottom).
        <p className="notice" data-testid="group-closed">
          <strong>{t.closedOn.replace("{date}", closedOn)}</strong> {t.closedHelp}
        </p>
      ) : (
        <p>
          <Link href={`/sfi/${group.id}/andra`}>{t.editGroup}</Link>
        </p>
      )}
      <form method="get" className="search-form">
        <label htmlFor="datum">{t.lessonDate}</label>
        <input id="datum" name="datum" type="date" defaultValue={lessonDate} max={today} />
        <button type="submit">{t.showDate}</button>
      </form>
      {dateProblem && datum && (
        <p className="notice" role="alert">
          {dateProblem.replace("{date}", datum.slice(0, 40)).replace("{today}", today)}
        </p>
      )}
      {!group.schedule.days.includes(isoWeekday(lessonDate)) && <p className="notice">{t.notLessonDay}</p>}
      {recorded && !closedOn && <p className="notice">{t.recordedBefore}</p>}
      {students.length === 0 ? (
        <p>{t.noStudents}</p>
      ) : (
        <>
          <h2>
            {t.attendanceTitle} {lessonDate}
          </h2>
          {closedOn ? (
            <ListTable
              caption={`${t.attendanceTitle} ${lessonDate}`}
              rows={students}
              rowKey={(s) => s.participantId}
              columns={[
                { label: t.name, cell: (s) => <Link href={`/sfi/${group.id}/elev/${s.participantId}`}>{`${s.firstName} ${s.lastName}`}</Link> },
                { label: t.birthDate, cell: (s) => s.birthDate },
                { label: t.attendedHours, num: true, cell: (s) => (s.attendedHours === null ? t.notRecorded : formatHours(s.attendedHours)) },
                { label: t.share4w, num: true, cell: (s) => pct(s.share4w) },
                { label: t.lastResult, cell: (s) => (s.lastResult ? `${s.lastResult.course}: ${s.lastResult.grade} (${s.lastResult.resultDate})` : "–") },
              ]}
            />
          ) : (
            <>
              <p>{t.attendanceHelp}</p>
              <AttendanceForm
                key={`${lessonDate}:${students.map((s) => s.participantId).join(",")}`}
                groupId={group.id}
                lessonDate={lessonDate}
                scheduledHours={group.schedule.hours}
                students={students.map((s) => ({
                  participantId: s.participantId,
                  name: `${s.firstName} ${s.lastName}`,
                  birthDate: s.birthDate,
                  attendedHours: s.attendedHours,
                  share4w: pct(s.share4w),
                  lastResult: s.lastResult ? `${s.lastResult.course}: ${s.lastResult.grade} (${s.lastResult.resultDate})` : "–",
                }))}
                t={t}
              />
              <h2>{t.resultTitle}</h2>
              <ResultForm groupId={group.id} students={students.map((s) => ({ id: s.participantId, name: `${s.firstName} ${s.lastName}` }))} today={today} t={t} />
            </>
          )}
        </>
      )}
      {paused.length > 0 && (
        <>
          <h2>{t.pausedTitle}</h2>
          <ul>
            {paused.map((s) => (
              <li key={s.participantId}>
                <Link href={`/sfi/${group.id}/elev/${s.participantId}`}>
                  {s.firstName} {s.lastName}
                </Link>{" "}
                ({t.uppehall.toLowerCase()} {t.through} {s.until})
              </li>
            ))}
          </ul>
        </>
      )}
      {upcoming.length > 0 && (
        <>
          <h2>{t.upcomingTitle}</h2>
          <p>{t.upcomingHelp}</p>
          <ul data-testid="upcoming-students">
            {upcoming.map((s) => (
              <li key={s.participantId}>
                <Link href={`/sfi/${group.id}/elev/${s.participantId}`}>
                  {s.firstName} {s.lastName}
                </Link>{" "}
                ({t.startsOn} {s.startDate})
              </li>
            ))}
          </ul>
        </>
      )}
      {closedOn && (
        <>
          <h2>{t.formerTitle}</h2>
          {former.length === 0 ? (
            <p>{t.noFormer}</p>
          ) : (
            <ul data-testid="former-students">
              {former.map((s) => (
                <li key={`${s.participantId}:${s.startDate}`}>
                  <Link href={`/sfi/${group.id}/elev/${s.participantId}`}>
                    {s.firstName} {s.lastName}
                  </Link>{" "}
                  ({s.startDate}–{s.endDate ?? ""})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {!group.archivedAt && (
        <>
          <h2>{t.enrolTitle}</h2>
          <p>{t.enrolHelp}</p>
          <EnrolForm groupId={group.id} today={today} t={t} />
        </>
      )}
      <GroupStateControl
        id={group.id}
        version={group.version}
        name={group.name}
        closedOn={closedOn}
        blocked={remaining.active + remaining.upcoming > 0 ? closeBlockedText(t, remaining) : null}
        t={t}
      />
    </>
  );
}
