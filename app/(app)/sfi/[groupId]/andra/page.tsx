// "Ändra gruppen": name, school, schedule, hours and teachers of an sfi group, for its own teachers
// (from the group's page) and the municipality's admins (from /admin/sfi-grupper), and closing the
// group ("Avsluta gruppen") or opening a closed one again. Anyone else is told the group is not there.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { closeBlockedText, getGroupForEdit, searchSfiTeachers } from "@/lib/sfi/queries";
import { EditGroupForm } from "./EditGroupForm";
import { GroupStateControl } from "../GroupStateControl";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("sfiEditGroup"); }

export default async function EditGroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const user = await requirePermission("sfi:group:manage");
  const t = await getAreaMessages(sfiMessages);
  const { groupId } = await params;
  let group;
  try {
    group = await getGroupForEdit(user, groupId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const isTeacher = user.role === "sfi_teacher";
  const back = isTeacher ? `/sfi/${group.values.id}` : "/admin/sfi-grupper";
  return (
    <>
      <p>
        <Link href={back}>← {isTeacher ? group.values.name : t.allGroupsTitle}</Link>
      </p>
      <h1>
        {t.editGroupTitle}: {group.values.name}
      </h1>
      <p>{t.editGroupIntro}</p>
      <p>{t.editGroupFixed.replace("{path}", String(group.studyPath)).replace("{course}", group.course)}</p>
      {group.archived ? (
        <p className="notice">{t.groupArchived}</p>
      ) : (
        <EditGroupForm t={t} initial={group.values} teachers={await searchSfiTeachers(user, "")} userId={user.id} isTeacher={isTeacher} />
      )}
      <GroupStateControl
        id={group.values.id}
        version={group.values.version}
        name={group.values.name}
        closedOn={group.closedOn}
        blocked={group.remaining.active + group.remaining.upcoming > 0 ? closeBlockedText(t, group.remaining) : null}
        t={t}
      />
    </>
  );
}
