// The one permission module. Roles are permission sets (as in Primero), not `if`s scattered
// through pages; `can` adds the scoping rule for the resource at hand. Query functions in
// lib/<domain>/queries.ts apply the same scope in SQL (see lib/participants/scope.ts).
import type { Role } from "@/db/schema";

export const PERMISSIONS = [
  "participant:read",
  "participant:write",
  "participant:handover",
  "plan:write",
  "followup:write",
  "outcome:write",
  "employer:read",
  "employer:write",
  "worklist:read",
  "sfi:read",
  "sfi:write",
  "sfi:group:manage",
  "metrics:read",
  "metrics:drilldown",
  "metrics:export",
  "user:manage",
  "import:run",
  "settings:manage",
  "audit:read",
  /** Reference values and targets for the key figures (entered, not computed); read with metrics:read. */
  "reference:manage",
  /** Registerutdrag: all data about one person, produced by an admin on the person's request. */
  "participant:extract",
  /** The directory of actors ("vem gör vad"): organisations and their contacts, no participant data. */
  "actor:read",
  "actor:write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  coordinator: [
    "participant:read",
    "participant:write",
    "participant:handover",
    "plan:write",
    "followup:write",
    "outcome:write",
    "employer:read",
    "employer:write",
    "worklist:read",
    "metrics:read",
    "actor:read",
    "actor:write",
  ],
  sfi_teacher: ["sfi:read", "sfi:write", "sfi:group:manage", "actor:read"],
  manager: ["metrics:read", "metrics:export", "employer:read", "actor:read"],
  admin: ["user:manage", "import:run", "settings:manage", "audit:read", "sfi:group:manage", "employer:read", "participant:extract", "reference:manage", "actor:read", "actor:write"],
};

/** What `can` needs to know about the signed-in user. */
export interface Actor {
  id: string;
  role: Role;
  municipalityId: string;
  unitId: string | null;
}

/** The part of a record that decides who may touch it. */
export interface ScopedResource {
  municipalityId: string;
  /** The participant's unit, for participant data. */
  unitId?: string | null;
  /** For sfi data: the teachers of the student's current groups. */
  teacherIds?: readonly string[];
}

export function hasPermission(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

/**
 * May `actor` do `permission`, on `resource` when one is given? Tenancy first: nothing crosses
 * a municipality. Coordinators work on their own unit's participants; sfi teachers on the sfi
 * data of students in their own groups.
 */
export function can(actor: Actor, permission: Permission, resource?: ScopedResource): boolean {
  if (!hasPermission(actor, permission)) return false;
  if (!resource) return true;
  if (resource.municipalityId !== actor.municipalityId) return false;
  // The register extract covers any participant of the admin's own municipality.
  if (permission === "participant:extract") return true;
  if (permission.startsWith("participant:") || permission === "plan:write" || permission === "followup:write" || permission === "outcome:write") {
    return actor.role === "coordinator" && actor.unitId !== null && resource.unitId === actor.unitId;
  }
  if (permission === "sfi:read" || permission === "sfi:write") {
    return (resource.teacherIds ?? []).includes(actor.id);
  }
  return true;
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  coordinator: "/arbetslista",
  sfi_teacher: "/sfi",
  manager: "/resultat",
  admin: "/admin/anvandare",
};
