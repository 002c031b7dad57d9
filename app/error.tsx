"use client";
// A calm error page for errors a user cannot cause; the details are in the server log.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="narrow">
      <h1>Något gick fel</h1>
      <p>Ett oväntat fel inträffade. Försök igen om en stund. / An unexpected error occurred.</p>
      <button type="button" onClick={reset}>
        Försök igen
      </button>
    </main>
  );
}
