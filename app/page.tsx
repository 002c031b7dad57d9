// The start page sends each user to the home of their role.
import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await requireUser();
  redirect(HOME_BY_ROLE[user.role]);
}
