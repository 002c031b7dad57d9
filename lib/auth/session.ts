// The signed-in user, loaded fresh from the database on every request so that a deactivated
// account or a changed role takes effect at once.
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { loadActiveUser } from "./queries";
import type { Actor } from "./permissions";

export interface SessionUser extends Actor {
  name: string;
  email: string;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await loadActiveUser(id);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    municipalityId: user.municipalityId,
    unitId: user.unitId,
  };
});

/** For pages: the user, or off to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
