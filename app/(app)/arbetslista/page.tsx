// Min arbetslista: the coordinator's home, every morning's signals with a link to where to act.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { getWorklist } from "@/lib/signals/queries";
import { todayIso } from "@/lib/dates";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { worklistMessages } from "@/lib/i18n/areas/worklist";
import { getCalendarFeedStatus } from "@/lib/calendar/queries";
import { calendarMessages } from "@/lib/i18n/areas/calendar";
import { WorklistTable, type WorklistRow } from "./WorklistTable";
import type { Signal } from "@/lib/signals/rules";
import { CalendarLink } from "./CalendarLink";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("worklist"); }

/** What the table shows of each signal: only these fields reach the browser. */
const worklistRows = (signals: Signal[]): WorklistRow[] =>
  signals.map(({ participantId, key, name, since, value, anchor, priority }) => ({ participantId, key, name, since, value, anchor, priority }));

export default async function WorklistPage({ searchParams }: { searchParams: Promise<{ visa?: string; page?: string }> }) {
  const user = await requirePermission("worklist:read");
  const t = await getAreaMessages(worklistMessages);
  const { common } = await getMessages();
  const sp = await searchParams;
  const onlyMine = sp.visa !== "enheten";
  const today = todayIso();
  const { signals, total, page, pages } = await getWorklist(user, today, { onlyMine, page: Number.parseInt(sp.page ?? "1", 10) || 1 });
  const link = (p: number) => `/arbetslista?${new URLSearchParams({ ...(onlyMine ? {} : { visa: "enheten" }), page: String(p) })}`;
  const c = await getAreaMessages(calendarMessages);
  const feed = await getCalendarFeedStatus(user);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <nav aria-label={t.showing} className="actions-row">
        <span>{t.showing}:</span>
        {onlyMine ? <strong aria-current="true">{t.onlyMine}</strong> : <Link href="/arbetslista">{t.onlyMine}</Link>}
        {onlyMine ? <Link href="/arbetslista?visa=enheten">{t.wholeUnit}</Link> : <strong aria-current="true">{t.wholeUnit}</strong>}
      </nav>
      <p aria-live="polite">
        {total} {t.count}
      </p>
      {/* Also when empty (it says so): the table keeps its answer when the last signal is let wait. */}
      <WorklistTable rows={worklistRows(signals)} today={today} t={t} />
      <Pager page={page} pages={pages} href={link} t={common} />
      <section aria-labelledby="kalender-title" id="kalender">
        <h2 id="kalender-title">{c.title}</h2>
        <p>{c.intro}</p>
        {feed ? (
          <p>
            {c.since.replace("{date}", feed.createdAt.toISOString().slice(0, 10))}{" "}
            {feed.lastReadAt ? c.lastRead.replace("{date}", feed.lastReadAt.toISOString().slice(0, 10)) : c.neverRead} {c.renewHelp}
          </p>
        ) : (
          <p>{c.none}</p>
        )}
        <CalendarLink hasFeed={Boolean(feed)} t={c} />
      </section>
    </>
  );
}
