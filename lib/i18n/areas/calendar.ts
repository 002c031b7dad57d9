// Strings of the calendar subscription on the worklist.
const sv = {
  title: "Prenumerera i din kalender",
  intro: "Få dina planerade uppföljningar i Outlook eller Google Kalender. Kalendern visar bara typ av möte, datum och deltagarens initialer – inga namn, personnummer eller anteckningar.",
  none: "Du har ingen kalenderlänk.",
  since: "Du har en kalenderlänk sedan {date}.",
  lastRead: "Kalendern hämtade senast {date}.",
  neverRead: "Ingen kalender har hämtat den ännu.",
  create: "Skapa kalenderlänk",
  renew: "Förnya länken",
  renewHelp: "Länken visas bara när den skapas. Förnya den om du behöver den igen eller tror att någon annan har fått den; den gamla slutar då att fungera.",
  revoke: "Stäng av länken",
  revoked: "Kalenderlänken är avstängd.",
  yourLink: "Din kalenderlänk",
  copyHelp: "Kopiera länken och lägg till den som prenumeration: i Outlook under Lägg till kalender → Från internet, i Google Kalender under Andra kalendrar → Från webbadress. Håll länken för dig själv, den fungerar utan inloggning.",
  failed: "Det gick inte. Försök igen om en stund.",
};
export type CalendarMessages = typeof sv;
const en: CalendarMessages = {
  title: "Subscribe in your calendar",
  intro: "Get your planned follow-ups in Outlook or Google Calendar. The calendar shows only the kind of meeting, the date and the participant's initials – no names, personal identity numbers or notes.",
  none: "You have no calendar link.",
  since: "You have had a calendar link since {date}.",
  lastRead: "Your calendar last fetched it on {date}.",
  neverRead: "No calendar has fetched it yet.",
  create: "Create calendar link",
  renew: "Renew the link",
  renewHelp: "The link is shown only when it is created. Renew it if you need it again or think someone else has it; the old one then stops working.",
  revoke: "Turn off the link",
  revoked: "The calendar link is turned off.",
  yourLink: "Your calendar link",
  copyHelp: "Copy the link and add it as a subscription: in Outlook under Add calendar → From internet, in Google Calendar under Other calendars → From URL. Keep the link to yourself; it works without signing in.",
  failed: "That did not work. Please try again in a while.",
};
export const calendarMessages = { sv, en };
