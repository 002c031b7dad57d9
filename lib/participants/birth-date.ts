// The birth date a personnummer gives, for the participant form to fill in while its birth date is
// still empty (in the browser, as the number is typed). The server does not trust it: the schema
// checks that the two agree (lib/participants/schema.ts).
import { parsePersonnummer } from "@/lib/validation/personnummer";

/**
 * The birth date to fill in: the personnummer's (a samordningsnummer's day less 60) when the
 * number is valid and no birth date has been entered; otherwise null, and what is there stays.
 */
export function birthDateToFill(personnummer: string, birthDate: string | null | undefined): string | null {
  if (birthDate?.trim()) return null;
  const parsed = parsePersonnummer(personnummer);
  return parsed.ok ? parsed.birthDate : null;
}
