// Page guards: a page calls one of these first. Missing rights give the same "not found" as a
// missing record, never a hint that something exists.
import { notFound } from "next/navigation";
import { hasPermission, type Permission } from "./permissions";
import { requireUser, type SessionUser } from "./session";

export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasPermission(user, permission)) notFound();
  return user;
}
