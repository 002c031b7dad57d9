// The error page's words (app/error.tsx). It runs in the browser on every page, so it gets this
// small file rather than the app's whole catalogue.
const sv = {
  title: "Något gick fel",
  help: "Ett oväntat fel inträffade. Försök igen om en stund.",
  tryAgain: "Försök igen",
};

export type ErrorMessages = typeof sv;

const en: ErrorMessages = {
  title: "Something went wrong",
  help: "An unexpected error occurred. Please try again in a moment.",
  tryAgain: "Try again",
};

export const errorMessages = { sv, en };
