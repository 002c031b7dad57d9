// The words of the plan's history. An entry is made as a structured change (which activity, which
// fields, old → new) and stored as its Swedish text (plan_revisions.summary), the words coming from
// the plan's catalogue (lib/i18n/areas/plan.ts, historyText). To show it in another language the
// stored text is read back into the same structure and accepted only if writing it again in Swedish
// gives exactly the stored text; an entry that does not (written by older code, or ambiguous) is
// shown as saved, in Swedish. No stored entry is changed and no migration is needed.
import { planMessages, type PlanMessages } from "@/lib/i18n/areas/plan";
import type { Locale } from "@/lib/i18n/messages";

/** One value as an entry shows it. */
export type ShownValue =
  | { kind: "none" }
  | { kind: "code"; list: "types" | "statuses" | "healthStatuses" | "goalTypes"; code: string }
  /** Hours a week, "12.5" (shown with the language's decimal sign). */
  | { kind: "hours"; value: string }
  /** An employer or user id whose name was not found. */
  | { kind: "unknownName" }
  /** As written: free text, names, dates. */
  | { kind: "text"; text: string };

/** A column of the activity, a key of its details, or a field of the plan's goal. */
export type HistoryField = { source: "column" | "detail" | "goal"; key: string };
export type FieldChange = { field: HistoryField; from: ShownValue; to: ShownValue };
/** Where a change came from, added by the write that made it: one of historyText.notes, or as written. */
export type HistoryNote = { key: string; params: Record<string, string> } | { text: string };
export type ActivityName = { type: string; where: string | null };

export type HistoryEntry =
  | { kind: "activityCreated"; activity: ActivityName; status: ShownValue; from: string; to: string | null; reason: string | null; note: HistoryNote | null }
  | { kind: "activityChanged"; activity: ActivityName; changes: FieldChange[]; note: HistoryNote | null }
  | { kind: "goal"; created: boolean; changes: FieldChange[] }
  | { kind: "import"; source: string; created: number; changed: number };

/** The activity's columns an entry describes, in the order it names them. */
export const HISTORY_COLUMNS = [
  "type",
  "status",
  "startDate",
  "endDate",
  "plannedStartDate",
  "plannedEndDate",
  "employerId",
  "provider",
  "responsibleUserId",
  "hoursPerWeek",
  "interruptReason",
  "resultNote",
] as const;
export const GOAL_FIELDS = ["goalType", "goalOccupation", "goalNote", "reviewDate"] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

/** "{name}" in a message replaced by its value (a function, so a "$" in a value stays as it is). */
const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? "");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A message as a regular expression: its words literally, each "{name}" a named group of the given pattern. */
function templateRe(template: string, groups: Record<string, string>): string {
  return template
    .split(/(\{\w+\})/)
    .map((piece) => {
      const m = /^\{(\w+)\}$/.exec(piece);
      return m ? `(?<${m[1]}>${groups[m[1]] ?? ".*"})` : escapeRe(piece);
    })
    .join("");
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
const sv = planMessages.sv;

// ---- Making an entry --------------------------------------------------------------------------

/** A stored value as the history shows it. */
export function shownValue(key: string, v: unknown, names: Record<string, string> = {}): ShownValue {
  if (v === null || v === undefined || v === "") return { kind: "none" };
  const s = String(v);
  if (key === "type" || key === "status" || key === "healthStatus") {
    const list = key === "type" ? "types" : key === "status" ? "statuses" : "healthStatuses";
    return sv[list][s] !== undefined ? { kind: "code", list, code: s } : { kind: "text", text: s.toLowerCase() };
  }
  if (key === "goalType") return sv.historyText.goalTypes[s] !== undefined ? { kind: "code", list: "goalTypes", code: s } : { kind: "text", text: s };
  if (key === "employerId" || key === "responsibleUserId") return names[s] !== undefined ? { kind: "text", text: names[s] } : { kind: "unknownName" };
  if (key === "hoursPerWeek") return { kind: "hours", value: s.replace(/\.0$/, "") };
  // The goal's fields are kept whole (a comment of up to 1 000 characters); an activity's are clipped.
  if ((GOAL_FIELDS as readonly string[]).includes(key)) return { kind: "text", text: s };
  return { kind: "text", text: clip(s) };
}

/** What a goal revision changed; before null: the plan was drawn up. */
export function goalChangeOf(before: Partial<Record<GoalField, string | null>> | null, after: Record<GoalField, string | null>): HistoryEntry {
  const changes = GOAL_FIELDS.filter((k) => (before?.[k] ?? null) !== (after[k] ?? null)).map((k) => ({
    field: { source: "goal" as const, key: k },
    from: shownValue(k, before?.[k]),
    to: shownValue(k, after[k]),
  }));
  return { kind: "goal", created: !before, changes };
}

/** "Målyrke: Undersköterska → Barnskötare; Nästa översyn: – → 2026-09-01": what a goal revision changed, as stored. */
export function describeGoalChange(before: Partial<Record<GoalField, string | null>> | null, after: Record<GoalField, string | null>): string {
  return renderHistoryEntry(goalChangeOf(before, after), "sv");
}

// ---- Writing an entry in a language -----------------------------------------------------------

function valueText(v: ShownValue, t: PlanMessages): string {
  switch (v.kind) {
    case "none":
      return t.none;
    case "unknownName":
      return t.historyText.unknownName;
    case "hours":
      return v.value.replace(".", t.historyText.decimal);
    case "text":
      return v.text;
    case "code":
      if (v.list === "goalTypes") return t.historyText.goalTypes[v.code] ?? v.code;
      return (t[v.list][v.code] ?? v.code).toLowerCase();
  }
}

function fieldText(f: HistoryField, t: PlanMessages): string {
  const w = t.historyText;
  if (f.source === "column") return w.columns[f.key as keyof typeof w.columns] ?? f.key;
  if (f.source === "goal") return w.goalFields[f.key as GoalField] ?? f.key;
  return (t.fields[f.key] ?? f.key).toLowerCase();
}

function changesText(changes: FieldChange[], template: string, t: PlanMessages): string {
  return changes.map((c) => fill(template, { field: fieldText(c.field, t), from: valueText(c.from, t), to: valueText(c.to, t) })).join(t.historyText.separator);
}

/** "Praktik hos Ica Maxi", "Sfi hos Lärcentrum", "Samhällsorientering". */
export function activityNameText(a: ActivityName, t: PlanMessages): string {
  const type = t.types[a.type] ?? a.type;
  return a.where ? fill(t.historyText.at, { type, where: a.where }) : type;
}

function noteText(note: HistoryNote | null, t: PlanMessages): string {
  if (!note) return "";
  const text = "text" in note ? note.text : fill(t.historyText.notes[note.key] ?? "", note.params);
  return fill(t.historyText.note, { note: text });
}

/** An entry in the given language (Swedish: exactly as it is stored). */
export function renderHistoryEntry(e: HistoryEntry, locale: Locale): string {
  const t = planMessages[locale];
  const w = t.historyText;
  switch (e.kind) {
    case "activityCreated":
      return (
        fill(w.created, { activity: activityNameText(e.activity, t), status: valueText(e.status, t), from: e.from, to: e.to ?? t.untilFurtherNotice }) +
        (e.reason !== null ? fill(w.reason, { reason: e.reason }) : "") +
        noteText(e.note, t)
      );
    case "activityChanged":
      return fill(w.changed, { activity: activityNameText(e.activity, t), changes: changesText(e.changes, w.change, t) }) + noteText(e.note, t);
    case "goal": {
      const changes = changesText(e.changes, w.goalChange, t);
      if (e.created) return changes ? fill(w.goalCreatedWith, { changes }) : w.goalCreated;
      return changes || w.goalUnchanged;
    }
    case "import": {
      const counts = [
        e.created === 1 ? w.importCreatedOne : e.created > 1 ? fill(w.importCreatedMany, { n: String(e.created) }) : "",
        e.changed === 1 ? w.importChangedOne : e.changed > 1 ? fill(w.importChangedMany, { n: String(e.changed) }) : "",
      ].filter(Boolean);
      return fill(w.imported, { source: e.source, counts: counts.join(", ") });
    }
  }
}

// ---- Reading a stored entry back ---------------------------------------------------------------

const w = sv.historyText;
const byLength = (a: string, b: string) => b.length - a.length;
/** Swedish label (lowercased where the entry lowercases it) → code. */
const reverse = (m: Record<string, string>, lower: boolean) => new Map(Object.entries(m).map(([code, label]) => [lower ? label.toLowerCase() : label, code]));
const CODES = {
  types: reverse(sv.types, true),
  statuses: reverse(sv.statuses, true),
  healthStatuses: reverse(sv.healthStatuses, true),
  goalTypes: reverse(w.goalTypes, false),
};
const DATE = "\\d{4}-\\d{2}-\\d{2}";
const TYPE_NAMES = Object.values(sv.types).sort(byLength).map(escapeRe).join("|");
const NAME_RE = new RegExp(`^(?:(?<bare>${TYPE_NAMES})|${templateRe(w.at, { type: TYPE_NAMES, where: ".+" })})$`, "s");
const CREATED_RE = new RegExp(
  `^${templateRe(w.created, {
    activity: ".+",
    status: [...CODES.statuses.keys()].map(escapeRe).join("|"),
    from: DATE,
    to: `${DATE}|${escapeRe(sv.untilFurtherNotice)}`,
  })}(?:${templateRe(w.reason, { reason: ".*" })})?$`,
  "s",
);
const IMPORT_RE = new RegExp(`^${templateRe(w.imported, { source: ".*", counts: ".*" })}$`, "s");
const NOTES = Object.entries(w.notes).map(([key, tpl]) => ({ key, re: new RegExp(`^(?<rest>.*)${templateRe(w.note, { note: templateRe(tpl, {}) })}$`, "s") }));
/** The activity's field labels as the entries write them, the longest first ("resultat av valideringen" before "resultat"). */
const ACTIVITY_FIELDS: [string, HistoryField][] = [
  ...HISTORY_COLUMNS.map((k): [string, HistoryField] => [w.columns[k], { source: "column", key: k }]),
  ...Object.entries(sv.fields).map(([k, label]): [string, HistoryField] => [label.toLowerCase(), { source: "detail", key: k }]),
].sort((a, b) => byLength(a[0], b[0]));
const GOAL_LABELS: [string, HistoryField][] = GOAL_FIELDS.map((k): [string, HistoryField] => [w.goalFields[k], { source: "goal", key: k }]).sort((a, b) => byLength(a[0], b[0]));

function parseActivityName(s: string): ActivityName | null {
  const m = NAME_RE.exec(s);
  if (!m?.groups) return null;
  const label = m.groups.bare ?? m.groups.type;
  const type = CODES.types.get(label.toLowerCase());
  return type ? { type, where: m.groups.bare ? null : m.groups.where } : null;
}

function parseValue(field: HistoryField, s: string): ShownValue {
  if (s === sv.none) return { kind: "none" };
  const k = field.key;
  if (k === "type" || k === "status" || k === "healthStatus") {
    const list = k === "type" ? "types" : k === "status" ? "statuses" : "healthStatuses";
    const code = CODES[list].get(s);
    return code ? { kind: "code", list, code } : { kind: "text", text: s };
  }
  if (k === "goalType") {
    const code = CODES.goalTypes.get(s);
    return code ? { kind: "code", list: "goalTypes", code } : { kind: "text", text: s };
  }
  if ((k === "employerId" || k === "responsibleUserId") && field.source === "column" && s === w.unknownName) return { kind: "unknownName" };
  if (k === "hoursPerWeek" && new RegExp(`^\\d+(?:${escapeRe(w.decimal)}\\d+)?$`).test(s)) return { kind: "hours", value: s.replace(w.decimal, ".") };
  return { kind: "text", text: s };
}

/**
 * "status planerad → pågående; yrke Kock → Bagare" back into changes. A field is named once; a
 * piece that does not begin with a field's label, or a field's piece without an arrow up to the
 * next field, belongs to the value before it (a value may hold "; ").
 */
function parseChanges(s: string, template: string, labels: [string, HistoryField][], rawKeys: boolean): FieldChange[] | null {
  const shape = /^\{field\}(.*)\{from\}(.*)\{to\}$/s.exec(template);
  if (!shape) return null;
  const [, mid, arrow] = shape;
  const seen = new Set<string>();
  const groups: { field: HistoryField; head: string; rest: string }[] = [];
  for (const piece of s.split(w.separator)) {
    let found: { field: HistoryField; head: string } | null = null;
    for (const [label, field] of labels) {
      if (piece.startsWith(label + mid)) {
        found = { field, head: label + mid };
        break;
      }
    }
    // A key of the details the form does not know is written as the key itself, lowercased.
    const raw = !found && rawKeys ? /^([a-z][a-z0-9_]*)/.exec(piece) : null;
    if (raw && piece.startsWith(raw[1] + mid) && piece.includes(arrow)) found = { field: { source: "detail", key: raw[1] }, head: raw[1] + mid };
    const id = found && `${found.field.source}:${found.field.key}`;
    if (found && id && !seen.has(id)) {
      seen.add(id);
      groups.push({ ...found, rest: piece.slice(found.head.length) });
    } else if (groups.length) groups[groups.length - 1].rest += w.separator + piece;
    else return null;
  }
  const changes: FieldChange[] = [];
  const merged: typeof groups = [];
  for (const g of groups) {
    if (g.rest.includes(arrow) || !merged.length) merged.push(g);
    else merged[merged.length - 1].rest += w.separator + g.head + g.rest;
  }
  for (const { field, rest } of merged) {
    const at = rest.indexOf(arrow);
    if (at < 0) return null;
    changes.push({ field, from: parseValue(field, rest.slice(0, at)), to: parseValue(field, rest.slice(at + arrow.length)) });
  }
  return changes;
}

/** The structures a stored activity entry (without its note) may have been written from. */
function activityCandidates(body: string, note: HistoryNote | null): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const created = CREATED_RE.exec(body);
  if (created?.groups) {
    const activity = parseActivityName(created.groups.activity);
    const status = parseValue({ source: "column", key: "status" }, created.groups.status);
    const to = created.groups.to === sv.untilFurtherNotice ? null : created.groups.to;
    if (activity) out.push({ kind: "activityCreated", activity, status, from: created.groups.from, to, reason: created.groups.reason ?? null, note });
  }
  // "{activity}: {changes}": the activity's name may itself hold ": " (an employer's name), so try each.
  const shape = /^\{activity\}(.*)\{changes\}$/s.exec(w.changed);
  if (shape) {
    const sep = shape[1];
    for (let i = body.indexOf(sep); i > 0; i = body.indexOf(sep, i + 1)) {
      const activity = parseActivityName(body.slice(0, i));
      const changes = activity && parseChanges(body.slice(i + sep.length), w.change, ACTIVITY_FIELDS, true);
      if (activity && changes) out.push({ kind: "activityChanged", activity, changes, note });
    }
  }
  return out;
}

function candidates(kind: string, summary: string): HistoryEntry[] {
  if (kind === "goal") {
    if (summary === w.goalUnchanged) return [{ kind: "goal", created: false, changes: [] }];
    if (summary === w.goalCreated) return [{ kind: "goal", created: true, changes: [] }];
    const withChanges = new RegExp(`^${templateRe(w.goalCreatedWith, { changes: ".+" })}$`, "s").exec(summary);
    const created = withChanges?.groups && parseChanges(withChanges.groups.changes, w.goalChange, GOAL_LABELS, false);
    const changed = parseChanges(summary, w.goalChange, GOAL_LABELS, false);
    return [...(created ? [{ kind: "goal" as const, created: true, changes: created }] : []), ...(changed ? [{ kind: "goal" as const, created: false, changes: changed }] : [])];
  }
  if (kind === "import") {
    const m = IMPORT_RE.exec(summary);
    if (!m?.groups) return [];
    let created = 0;
    let changed = 0;
    for (const piece of m.groups.counts ? m.groups.counts.split(", ") : []) {
      const many = (tpl: string) => new RegExp(`^${templateRe(tpl, { n: "\\d+" })}$`).exec(piece)?.groups?.n;
      if (piece === w.importCreatedOne) created = 1;
      else if (piece === w.importChangedOne) changed = 1;
      else if (many(w.importCreatedMany)) created = Number(many(w.importCreatedMany));
      else if (many(w.importChangedMany)) changed = Number(many(w.importChangedMany));
      else return [];
    }
    return [{ kind: "import", source: m.groups.source, created, changed }];
  }
  if (kind === "activity") {
    const out: HistoryEntry[] = [];
    for (const { key, re } of NOTES) {
      const m = re.exec(summary);
      if (m?.groups) {
        const { rest, note: _whole, ...params } = m.groups;
        out.push(...activityCandidates(rest, { key, params }));
      }
    }
    return [...out, ...activityCandidates(summary, null)];
  }
  return [];
}

/**
 * A stored entry read back into its structure: the first reading that, written again in Swedish,
 * is exactly the stored text. Null when none is (then the entry can only be shown as stored).
 */
export function parseHistoryEntry(kind: string, summary: string): HistoryEntry | null {
  return candidates(kind, summary).find((e) => renderHistoryEntry(e, "sv") === summary) ?? null;
}

/** A stored entry in the user's language, and the language it ended up in (Swedish when it could not be read back). */
export function historyEntryText(kind: string, summary: string, locale: Locale): { text: string; lang: Locale } {
  if (locale === "sv") return { text: summary, lang: "sv" };
  const entry = parseHistoryEntry(kind, summary);
  return entry ? { text: renderHistoryEntry(entry, locale), lang: locale } : { text: summary, lang: "sv" };
}
