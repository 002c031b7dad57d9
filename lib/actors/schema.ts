// The actor directory's forms (register, edit, archive or restore an actor), shared by the client
// forms and the server commands. Client-safe.
import { z } from "zod";
import { errorText } from "@/lib/i18n/errors";
import { ACTIVITY_TYPES } from "@/db/schema/enums";
import { optionalEmail, optionalPhone } from "@/lib/validation/contact";

/** What kind of organisation an actor is; the directory is filtered and labelled by it. */
export const ACTOR_KINDS = ["kommun", "region", "arbetsformedlingen", "utbildning", "civilsamhalle", "foretag", "annan"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The fields of an actor a user edits, in the form's order (also the conflict view's rows). */
export const ACTOR_FIELDS = ["name", "kind", "activityTypes", "offer", "contactName", "contactPhone", "contactEmail", "address", "website"] as const;

const text = (max = 200) => z.string().trim().max(max, { message: errorText("maxChars", { max }) }).optional().default("");
/** The version a form was opened on: saving over a newer one is a conflict. */
const version = z.coerce.number<string | number>().int().min(1);

/** Checkboxes of one name give an array, a single checked one may give a string, none false or nothing. */
const checked = (v: unknown) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []);

export const actorSchema = z.object({
  name: z.string().trim().min(2, { message: "Skriv aktörens namn." }).max(200, { message: "Högst 200 tecken." }),
  kind: z.enum(ACTOR_KINDS, { message: "Välj vilken sorts aktör det är." }),
  activityTypes: z.preprocess(checked, z.array(z.enum(ACTIVITY_TYPES, { message: "Välj bland insatserna i listan." }))).transform((v) => ACTIVITY_TYPES.filter((t) => v.includes(t))),
  offer: text(2000),
  contactName: text(200),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
  address: text(300),
  // "www.example.se" is taken as https://www.example.se; only web addresses are stored (a link to
  // anything else, javascript: say, is never shown).
  website: z
    .string()
    .trim()
    .max(300, { message: "Högst 300 tecken." })
    .optional()
    .default("")
    .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
    .refine((v) => v === "" || isWebAddress(v), { message: "Skriv en webbadress, till exempel www.exempel.se." }),
});

export const createActorSchema = actorSchema;
export const updateActorSchema = actorSchema.extend({ id: z.string().uuid(), version });

/** Archive an actor that no longer offers anything (not suggested any more), or restore it. */
export const actorStateSchema = z.object({ id: z.string().uuid(), version, archived: z.boolean() });

function isWebAddress(v: string) {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}
