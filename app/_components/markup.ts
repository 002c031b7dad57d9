// Markup written as text, for output that the server would otherwise build as many React elements
// (a chart's SVG, a long table of figures): React serializes every element of a server-rendered
// page, parses the result again and renders it to HTML, for every view; a string is passed through.
// Everything a user typed (a unit's name, a reference's source) goes through escapeMarkup.

const SPECIAL = /[&<>"']/;

/** Text as markup: & < > " ' escaped (most text has none of them, and is returned as it is). */
export function escapeMarkup(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : text;
}

/** Markup of one element: the name, its attributes (those undefined left out) and its children, already markup. */
export function el(name: string, attrs: Record<string, string | number | undefined>, ...children: string[]): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${escapeMarkup(String(v))}"`;
  return `${out}>${children.join("")}</${name}>`;
}

const made = new Map<string, string>();
/** How many pieces of markup are kept: Resultat shows about ten per filter; the last few dozen filters' worth. */
export const MARKUP_KEPT = 400;

/**
 * The markup `build` makes of `input`, kept and given again for the same input. Resultat shows the
 * same figures to every manager until the data changes, and building its tables and charts again
 * for every view was 7 % of the server's time a view (scripts/bench/JOURNAL.md). `input` must be
 * plain data, all that the markup depends on (JSON is the key: a function in it would be left out).
 */
export function keptMarkup<I>(kind: string, input: I, build: (input: I) => string): string {
  const key = `${kind}\u0000${JSON.stringify(input)}`;
  const kept = made.get(key);
  if (kept !== undefined) {
    // Most recently used last: the oldest goes first when the map is full.
    made.delete(key);
    made.set(key, kept);
    return kept;
  }
  const markup = build(input);
  made.set(key, markup);
  if (made.size > MARKUP_KEPT) made.delete(made.keys().next().value as string);
  return markup;
}
