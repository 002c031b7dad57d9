// A kartläggning in words, part by part: the participant page shows it so, and the form's conflict
// view puts the saved version and the user's side by side in the same words. Client-safe.
import type { ParticipantMessages } from "@/lib/i18n/areas/participant";
import { SKILL_MAPPING_PARTS, type SkillMappingData, type SkillMappingPart } from "./schema";

type Words = Pick<ParticipantMessages, SkillMappingPart | "yearsUnit" | "drivingLicences" | "levels" | "none" | "yes" | "no">;

/** Each part's heading (the form's own words for it). */
export const mappingPartLabels = (t: Words): Record<SkillMappingPart, string> => Object.fromEntries(SKILL_MAPPING_PARTS.map((p) => [p, t[p]])) as Record<SkillMappingPart, string>;

export function mappingInWords(d: SkillMappingData, t: Words, educationLevels: Record<string, string>): Record<SkillMappingPart, string> {
  const edu = [d.education.years != null ? `${d.education.years} ${t.yearsUnit}` : null, d.education.level ? educationLevels[d.education.level] : null, d.education.field, d.education.country].filter(Boolean);
  return {
    education: edu.length ? edu.join(", ") : t.none,
    work: d.work.length ? d.work.map((w) => (w.years != null ? `${w.occupation} (${w.years} ${t.yearsUnit})` : w.occupation)).join(", ") : t.none,
    drivingLicence: t.drivingLicences[d.drivingLicence] ?? d.drivingLicence,
    languageSkills: d.languageSkills.length ? d.languageSkills.map((l) => `${l.language} (${(t.levels[l.level] ?? l.level).toLowerCase()})`).join(", ") : t.none,
    goalOccupations: d.goalOccupations.length ? d.goalOccupations.join(", ") : t.none,
    healthNeeds: d.healthNeeds ? t.yes : t.no,
  };
}
