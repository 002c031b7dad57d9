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
