// The signed-in user, loaded fresh from the database on every request so that a deactivated
// account or a changed role takes effect at once.
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { loadActiveUser } from "./queries";
import type { Actor } from "./permissions";
import { readSession } from "./session-cookie";

export interface SessionUser extends Actor {
  name: string;
  email: string;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // The cookie read as Auth.js's auth() reads it, without its request pipeline (session-cookie.ts).
  const session = await readSession(await headers());
  if (!session) return null;
  const user = await loadActiveUser(session.userId);
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
