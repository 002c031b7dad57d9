// Test-only data for the browser journeys, written before the server starts (scripts/e2e-server.ts):
// a second municipality ("Testkommunen", 9998) with its own coordinator, admin, three cases due for
// gallring and a participant whose name is markup, so tests can prove that nothing crosses municipalities and that text is
// rendered as text. Fixed ids let the tests guess them as an attacker would.
import type { Db } from "@/db/client";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { searchNameOf } from "@/lib/participants/search";
import { luhnCheckDigit } from "@/lib/validation/personnummer";

/** A valid-checksum made-up personnummer (9xx serial) for the Testkommunen participant. */
export const FIX_PERSONNUMMER = `19900505912${luhnCheckDigit("900505912")}`;

export const FIX = {
  municipalityId: "e2e00000-0000-4000-8000-000000000001",
  unitId: "e2e00000-0000-4000-8000-000000000002",
  coordinatorId: "e2e00000-0000-4000-8000-000000000003",
  adminId: "e2e00000-0000-4000-8000-000000000004",
  participantId: "e2e00000-0000-4000-8000-000000000005",
  /** A Demokommunen account no journey signs in with: the target of the forged action. */
  targetUserId: "e2e00000-0000-4000-8000-000000000006",
  /** The Testkommunen participant's plan and activity, for routes of plans and activities. */
  planId: "e2e00000-0000-4000-8000-000000000007",
  activityId: "e2e00000-0000-4000-8000-000000000008",
  coordinatorEmail: "koordinator@test.etablera.se",
  adminEmail: "admin@test.etablera.se",
  xssFirstName: `<script>window.__xss=1</script>`,
  xssLastName: `<img src=x onerror="window.__xss=2">'"; DROP TABLE participants; --`,
} as const;

export async function seedE2eFixtures(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [demo] = await db.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.code, "9999"));
  if (demo) {
    await db.insert(s.users).values({ id: FIX.targetUserId, municipalityId: demo.id, email: "e2e.mal@demo.etablera.se", name: "Vera Testmål", role: "manager", passwordHash });
  }
  await db.insert(s.municipalities).values({ id: FIX.municipalityId, code: "9998", name: "Testkommunen" });
  await db.insert(s.units).values({ id: FIX.unitId, municipalityId: FIX.municipalityId, name: "Testenheten" });
  await db.insert(s.users).values([
    { id: FIX.coordinatorId, municipalityId: FIX.municipalityId, unitId: FIX.unitId, email: FIX.coordinatorEmail, name: "Tove Testkoordinator", role: "coordinator", passwordHash },
    { id: FIX.adminId, municipalityId: FIX.municipalityId, email: FIX.adminEmail, name: "Tor Testadmin", role: "admin", passwordHash },
  ]);
  await db.insert(s.participants).values({
    id: FIX.participantId,
    municipalityId: FIX.municipalityId,
    unitId: FIX.unitId,
    coordinatorId: FIX.coordinatorId,
    firstName: FIX.xssFirstName,
    lastName: FIX.xssLastName,
    searchName: searchNameOf(FIX.xssFirstName, FIX.xssLastName),
    birthDate: "1990-05-05",
    gender: "K",
    receptionDate: "2025-09-01",
    externalId: "E2E-1",
    personnummer: FIX_PERSONNUMMER,
    programmeStart: "2025-10-01",
  });
  // Three cases closed in 2019, long past the retention period: what the admin's gallring journey anonymises.
  await db.insert(s.participants).values(
    ["Amal", "Bashir", "Dalia"].map((firstName, i) => ({
      municipalityId: FIX.municipalityId,
      firstName,
      lastName: "Gallrad",
      searchName: searchNameOf(firstName, "Gallrad"),
      birthDate: "1985-01-01",
      gender: i % 2 ? ("M" as const) : ("K" as const),
      receptionDate: "2017-03-01",
      programmeStart: "2017-04-01",
      programmeEnd: "2019-04-01",
      closedAt: `2019-0${4 + i}-15`,
    })),
  );
  await db.insert(s.plans).values({ id: FIX.planId, participantId: FIX.participantId, goalType: "arbete", goalOccupation: "Undersköterska" });
  await db.insert(s.activities).values({ id: FIX.activityId, municipalityId: FIX.municipalityId, participantId: FIX.participantId, type: "praktik", status: "pagaende", startDate: "2025-11-01", provider: "Testkommunens äldreboende" });
}
