// The refusals the server words from an area's catalogue (an sfi group that cannot be closed yet,
// a course completion that can no longer be undone: the pages show the same sentences in the
// user's language), found in English through that same catalogue. Apart from ./errors.ts so that
// the catalogues never reach the forms' bundles: only the server's answers hold these.
import { sfiMessages } from "./areas/sfi";
import { translateError, type ErrorCatalogue, type ErrorTemplate } from "./errors";
import type { Locale } from "./messages";

type Sfi = (typeof sfiMessages)["sv"];

/** "1 elev är fortfarande inskriven (varav 1 börjar senare)" in each of its forms (lib/sfi/queries.ts closeBlockedText). */
function closeBlockedTemplates(): ErrorTemplate[] {
  const forms = [
    (t: Sfi) => t.remainingOne,
    (t: Sfi) => t.remainingOne + t.remainingLater.replace("{n}", "{later}"),
    (t: Sfi) => t.remainingMany,
    (t: Sfi) => t.remainingMany + t.remainingLater.replace("{n}", "{later}"),
  ];
  return forms.map((students) => ({
    sv: sfiMessages.sv.closeBlocked.replace("{students}", () => students(sfiMessages.sv)),
    en: sfiMessages.en.closeBlocked.replace("{students}", () => students(sfiMessages.en)),
  }));
}

const FROM_CATALOGUES = ["undoNothing", "undoBlockedLater", "undoBlockedNextChanged", "undoBlockedNextRecorded", "undoBlockedPlan"] as const;

export const SERVER_ERROR_CATALOGUE: ErrorCatalogue = {
  texts: {},
  templates: [...closeBlockedTemplates(), ...FROM_CATALOGUES.map((k) => ({ sv: sfiMessages.sv[k], en: sfiMessages.en[k] }))],
};

/** A message of a server's answer in the user's language (the Swedish when it has no English). */
export function translateServerError(message: string, locale: Locale): string {
  return translateError(message, locale, [SERVER_ERROR_CATALOGUE]);
}
