"use client";
// A select whose options come from a search, for choices among thousands (an activity's employer,
// a student's next sfi group): a search field (from `minChars` characters, as one types or with the
// button; Enter searches instead of sending the form) whose matches, at most a page of them, fill
// the select. Pinned options and the one last chosen stay whatever the search shows; before a
// search the select holds the `initial` options (the nearest ones); how many matched is said
// politely in a live region.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, fieldAria } from "./Field";

export type SearchedOption = { id: string; name: string };
export type SearchAnswer<T extends SearchedOption> = { ok: true; rows: T[]; total: number } | { ok: false };

export interface SearchedSelectMessages {
  search: string;
  hint: string;
  button: string;
  /** "{n}" matched, all shown. */
  matches: string;
  /** "{n}" matched, the first "{shown}" shown. */
  matchesFirst: string;
  /** Nothing matched "{q}". */
  noMatch: string;
  failed: string;
}

const DEBOUNCE_MS = 250;

export type SearchFound<T> = { rows: T[]; total: number; q: string } | { failed: true } | null;

/**
 * A search as one types: the text, and the answer to the latest search (null below `minChars`
 * characters; an earlier, slower answer is dropped). It runs DEBOUNCE_MS after the last keystroke,
 * at once with `search` (a button) or Enter (`onKeyDown`, which keeps Enter from sending the form).
 */
export function useLiveSearch<T>(find: (q: string) => Promise<{ ok: true; rows: T[]; total: number } | { ok: false }>, minChars: number, onFound?: (rows: T[]) => void) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<SearchFound<T>>(null);
  const latest = useRef(0);

  const search = async (text: string) => {
    const n = ++latest.current;
    const trimmed = text.trim();
    if (trimmed.length < minChars) return setFound(null);
    const r = await find(trimmed).catch(() => ({ ok: false }) as const);
    if (n !== latest.current) return;
    if (!r.ok) return setFound({ failed: true });
    onFound?.(r.rows);
    setFound({ rows: r.rows, total: r.total, q: trimmed });
  };

  useEffect(() => {
    const timer = setTimeout(() => void search(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Only the text starts a search; `search` is a new function every render.
  }, [q]);

  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key !== "Enter") return;
    ev.preventDefault();
    void search(q);
  };
  return { q, setQ, found, search: () => void search(q), onKeyDown };
}

/** What the live region says of a search's answer: how many matched, none, or that it failed. */
export function searchStatus<T>(found: SearchFound<T>, t: Pick<SearchedSelectMessages, "matches" | "matchesFirst" | "noMatch" | "failed">, none = "") {
  if (!found) return none;
  if ("failed" in found) return t.failed;
  if (found.total === 0) return t.noMatch.replace("{q}", found.q);
  return (found.total > found.rows.length ? t.matchesFirst : t.matches).replace("{n}", String(found.total)).replace("{shown}", String(found.rows.length));
}

export function SearchedSelect<T extends SearchedOption>({
  id,
  label,
  reg,
  error,
  pinned,
  initial = [],
  initialStatus = "",
  search: find,
  onFound,
  minChars = 2,
  empty = "–",
  emptyLast = false,
  t,
}: {
  id: string;
  label: string;
  reg: UseFormRegisterReturn;
  error?: string;
  /** Options shown whatever the search finds. */
  pinned: T[];
  /** Options shown before any search (after the pinned ones), and what to say of them. */
  initial?: T[];
  initialStatus?: string;
  search: (q: string) => Promise<SearchAnswer<T>>;
  /** Told every match. */
  onFound?: (rows: T[]) => void;
  minChars?: number;
  /** The label of the empty choice. */
  empty?: string;
  /** The empty choice after the options instead of before them. */
  emptyLast?: boolean;
  t: SearchedSelectMessages;
}) {
  const { q, setQ, found, search, onKeyDown } = useLiveSearch(find, minChars, onFound);
  // The option last chosen in the select: it stays when a later search does not find it.
  const [kept, setKept] = useState<T | null>(null);

  const rows = found && "rows" in found ? found.rows : found ? [] : initial;
  const options = [...pinned, ...(kept ? [kept] : []), ...rows].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  const status = searchStatus(found, t, initialStatus);
  const sid = `${id}-search`;
  const emptyOption = <option value="">{empty}</option>;
  return (
    <div className="searched-select">
      <Field id={sid} label={t.search} hint={t.hint}>
        <span className="search-form">
          <input id={sid} type="search" value={q} maxLength={200} autoComplete="off" onChange={(ev) => setQ(ev.target.value)} onKeyDown={onKeyDown} {...fieldAria(sid, undefined, true)} aria-controls={id} />
          <button type="button" onClick={search}>
            {t.button}
          </button>
        </span>
      </Field>
      <p id={`${sid}-status`} aria-live="polite" role="status" className="definition">
        {status}
      </p>
      <Field id={id} label={label} error={error}>
        <select
          id={id}
          {...reg}
          onChange={(ev) => {
            setKept(options.find((o) => o.id === ev.target.value) ?? null);
            return reg.onChange(ev);
          }}
          {...fieldAria(id, error)}
        >
          {!emptyLast && emptyOption}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          {emptyLast && emptyOption}
        </select>
      </Field>
    </div>
  );
}
