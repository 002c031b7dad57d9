// One actor of the directory: what it offers, whom to contact; editing and archiving for those who
// keep the directory.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { actorMessages } from "@/lib/i18n/areas/actors";
import { getActor } from "@/lib/actors/queries";
import { formatWhen } from "@/lib/dates";
import { ActorArchiveForm } from "../ActorForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("actor"); }

export default async function ActorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("actor:read");
  const t = await getAreaMessages(actorMessages);
  const { common } = await getMessages();
  const { id } = await params;
  let a;
  try {
    a = await getActor(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const canWrite = hasPermission(user, "actor:write");
  const none = common.none;
  return (
    <>
      <p>
        <Link href="/aktorer">{t.backList}</Link>
      </p>
      <h1>{a.name}</h1>
      {a.archivedAt && (
        <p className="notice" role="status">
          {t.archivedOn.replace("{date}", formatWhen(a.archivedAt))}
        </p>
      )}
      <dl className="facts">
        <dt>{t.fields.kind}</dt>
        <dd>{t.kinds[a.kind] ?? a.kind}</dd>
        <dt>{t.offers}</dt>
        <dd>{a.activityTypes.length ? a.activityTypes.map((x) => t.types[x] ?? x).join(", ") : t.nothingOffered}</dd>
        <dt>{t.fields.offer}</dt>
        <dd className="prewrap">{a.offer ?? none}</dd>
        <dt>{t.fields.contactName}</dt>
        <dd>{a.contactName ?? none}</dd>
        <dt>{t.fields.contactPhone}</dt>
        <dd>{a.contactPhone ? <a href={`tel:${a.contactPhone.replace(/[^\d+]/g, "")}`}>{a.contactPhone}</a> : none}</dd>
        <dt>{t.fields.contactEmail}</dt>
        <dd>{a.contactEmail ? <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a> : none}</dd>
        <dt>{t.fields.address}</dt>
        <dd>{a.address ?? none}</dd>
        <dt>{t.fields.website}</dt>
        <dd>
          {a.website ? (
            <a href={a.website} rel="noopener noreferrer" target="_blank">
              {a.website}
            </a>
          ) : (
            none
          )}
        </dd>
      </dl>
      <p className="help">{t.updatedOn.replace("{date}", formatWhen(a.updatedAt))}</p>
      {canWrite && (
        <>
          {!a.archivedAt && (
            <p>
              <Link href={`/aktorer/${a.id}/redigera`}>{t.edit}</Link>
            </p>
          )}
          <ActorArchiveForm id={a.id} version={a.version} archived={Boolean(a.archivedAt)} t={t} />
        </>
      )}
    </>
  );
}
