"use client";
// The activity form's employer: a search (name or organisationsnummer, from two characters, as one
// types or with the button) whose matches, at most 20 of the own municipality's, fill the
// "Arbetsgivare" select. The page sends no list of every employer; the chosen one stays an option
// whatever the search shows, and how many matched is said politely.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, fieldAria } from "@/app/_components/Field";
import type { ActivityFormMessages } from "./form-messages";
import { searchEmployersServer } from "./plan-actions";

export type EmployerOption = { id: string; name: string };
type Found = { rows: EmployerOption[]; total: number; q: string } | { failed: true } | null;

const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;

export function EmployerChoice({
  id,
  label,
  reg,
  error,
  pinned,
  onFound,
  t,
}: {
  id: string;
  label: string;
  reg: UseFormRegisterReturn;
  error?: string;
  /** Options shown whatever the search finds: the chosen employer (and a conflict's saved one). */
  pinned: EmployerOption[];
  /** Told every match, so the form can name them in a conflict. */
  onFound: (rows: EmployerOption[]) => void;
  t: ActivityFormMessages;
}) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found>(null);
  // Only the answer to the latest search is shown; an earlier, slower one is dropped.
  const latest = useRef(0);

  const search = async (text: string) => {
    const n = ++latest.current;
    const trimmed = text.trim();
    if (trimmed.length < MIN_CHARS) return setFound(null);
    const r = await searchEmployersServer(trimmed).catch(() => ({ ok: false as const }));
    if (n !== latest.current) return;
    if (!r.ok) return setFound({ failed: true });
    onFound(r.rows);
    setFound({ rows: r.rows, total: r.total, q: trimmed });
  };

  useEffect(() => {
    const timer = setTimeout(() => void search(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Only the text starts a search; `search` is a new function every render.
  }, [q]);

  // Enter searches at once rather than sending the activity form.
  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key !== "Enter") return;
    ev.preventDefault();
    void search(q);
  };

  const rows = found && "rows" in found ? found.rows : [];
  const options = [...pinned, ...rows].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  const status = !found
    ? ""
    : "failed" in found
      ? t.employerSearchFailed
      : found.total === 0
        ? t.employerNoMatch.replace("{q}", found.q)
        : (found.total > found.rows.length ? t.employerMatchesFirst : t.employerMatches).replace("{n}", String(found.total)).replace("{shown}", String(found.rows.length));
  const sid = `${id}-search`;
  return (
    <div className="employer-choice">
      <Field id={sid} label={t.employerSearch} hint={t.employerSearchHint}>
        <span className="search-form">
          <input id={sid} type="search" value={q} maxLength={200} autoComplete="off" onChange={(ev) => setQ(ev.target.value)} onKeyDown={onKeyDown} {...fieldAria(sid, undefined, true)} aria-controls={id} />
          <button type="button" onClick={() => void search(q)}>
            {t.employerSearchButton}
          </button>
        </span>
      </Field>
      <p id={`${sid}-status`} aria-live="polite" role="status" className="definition">
        {status}
      </p>
      <Field id={id} label={label} error={error}>
        <select id={id} {...reg} {...fieldAria(id, error)}>
          <option value="">–</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
