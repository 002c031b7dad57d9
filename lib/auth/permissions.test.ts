import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema/enums";
import { can, PERMISSIONS, ROLE_PERMISSIONS, type Actor, type Permission } from "./permissions";

const M1 = "m1";
const actor = (role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  role,
  municipalityId: M1,
  unitId: role === "coordinator" ? "unit-a" : null,
  ...extra,
});

// The expected matrix, written out so a change to the role sets is a visible decision.
const EXPECTED: Record<Actor["role"], Permission[]> = {
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

describe("can: every role × action without a resource", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = EXPECTED[role].includes(permission);
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(can(actor(role), permission)).toBe(expected);
      });
    }
  }
  it("the role table matches the written-out matrix", () => {
    for (const role of ROLES) expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...EXPECTED[role]].sort());
  });
});

describe("can: scoping", () => {
  const coordinator = actor("coordinator");
  it("a coordinator reads and writes their own unit's participants", () => {
    expect(can(coordinator, "participant:read", { municipalityId: M1, unitId: "unit-a" })).toBe(true);
    expect(can(coordinator, "participant:write", { municipalityId: M1, unitId: "unit-a" })).toBe(true);
    expect(can(coordinator, "plan:write", { municipalityId: M1, unitId: "unit-a" })).toBe(true);
  });
  it("a coordinator gets nothing of another unit or municipality", () => {
    expect(can(coordinator, "participant:read", { municipalityId: M1, unitId: "unit-b" })).toBe(false);
    expect(can(coordinator, "participant:read", { municipalityId: M1, unitId: null })).toBe(false);
    expect(can(coordinator, "participant:read", { municipalityId: "m2", unitId: "unit-a" })).toBe(false);
    expect(can(coordinator, "employer:read", { municipalityId: "m2" })).toBe(false);
  });
  it("a coordinator without a unit sees no participant", () => {
    const noUnit = actor("coordinator", { unitId: null });
    expect(can(noUnit, "participant:read", { municipalityId: M1, unitId: null })).toBe(false);
  });
  it("an sfi teacher sees sfi data of their own students only", () => {
    const teacher = actor("sfi_teacher");
    expect(can(teacher, "sfi:read", { municipalityId: M1, teacherIds: [teacher.id] })).toBe(true);
    expect(can(teacher, "sfi:write", { municipalityId: M1, teacherIds: ["someone-else"] })).toBe(false);
    expect(can(teacher, "sfi:read", { municipalityId: "m2", teacherIds: [teacher.id] })).toBe(false);
    expect(can(teacher, "participant:read", { municipalityId: M1, unitId: "unit-a" })).toBe(false);
  });
  it("managers and admins never read individual participants", () => {
    for (const role of ["manager", "admin"] as const) {
      expect(can(actor(role), "participant:read", { municipalityId: M1, unitId: "unit-a" })).toBe(false);
    }
  });
  it("an admin produces register extracts in their own municipality only, and still cannot read participants", () => {
    const admin = actor("admin");
    expect(can(admin, "participant:extract", { municipalityId: M1, unitId: "unit-a" })).toBe(true);
    expect(can(admin, "participant:extract", { municipalityId: "m2", unitId: "unit-a" })).toBe(false);
    expect(can(admin, "participant:read", { municipalityId: M1, unitId: "unit-a" })).toBe(false);
    expect(can(actor("coordinator"), "participant:extract", { municipalityId: M1, unitId: "unit-a" })).toBe(false);
  });
});
