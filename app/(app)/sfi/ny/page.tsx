// Create an sfi group: teachers (who then teach it) and admins (who choose its teachers).
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { searchSfiTeachers } from "@/lib/sfi/queries";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { GroupForm } from "./GroupForm";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("sfiNewGroup"); }

export default async function NewGroupPage() {
  const user = await requirePermission("sfi:group:manage");
  const t = await getAreaMessages(sfiMessages);
  const isTeacher = user.role === "sfi_teacher";
  const teachers = await searchSfiTeachers(user, "");
  return (
    <>
      <p>
        <Link href={isTeacher ? "/sfi" : "/admin/sfi-grupper"}>← {isTeacher ? t.back : t.allGroupsTitle}</Link>
      </p>
      <h1>{t.newGroupTitle}</h1>
      <p>{t.newGroupIntro}</p>
      <GroupForm t={t} teachers={teachers} isTeacher={isTeacher} school="" done={isTeacher ? "group" : "/admin/sfi-grupper"} />
    </>
  );
}
