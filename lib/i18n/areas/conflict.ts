// Strings of the edit-conflict view (app/_components/EditConflict.tsx), shared by every edit
// form that carries a version: participants, employers, openings.
const sv = {
  conflictTitle: "Någon annan har sparat under tiden",
  conflictIntro: "Uppgifterna ändrades efter att du öppnade sidan. Jämför och välj vad som ska gälla. Inget har skrivits över.",
  field: "Uppgift",
  theirs: "Sparat nu",
  yours: "Dina ändringar",
  reapply: "Spara mina ändringar ovanpå deras",
  takeTheirs: "Använd det som är sparat",
  empty: "–",
};
export type ConflictMessages = typeof sv;
const en: ConflictMessages = {
  conflictTitle: "Someone else saved in the meantime",
  conflictIntro: "The details changed after you opened the page. Compare and choose what should apply. Nothing was overwritten.",
  field: "Field",
  theirs: "Saved now",
  yours: "Your changes",
  reapply: "Save my changes on top of theirs",
  takeTheirs: "Use what is saved",
  empty: "–",
};
export const conflictMessages = { sv, en };
