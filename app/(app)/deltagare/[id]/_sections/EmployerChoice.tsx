"use client";
// The activity form's employer: a search (name or organisationsnummer, from two characters) whose
// matches, at most 20 of the own municipality's, fill the "Arbetsgivare" select (SearchedSelect).
// The page sends no list of every employer; the chosen one stays an option whatever the search
// shows.
import type { UseFormRegisterReturn } from "react-hook-form";
import { SearchedSelect } from "@/app/_components/SearchedSelect";
import type { ActivityFormMessages } from "./form-messages";
import { searchEmployersServer } from "./plan-actions";

export type EmployerOption = { id: string; name: string };

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
  return (
    <SearchedSelect
      id={id}
      label={label}
      reg={reg}
      error={error}
      pinned={pinned}
      search={searchEmployersServer}
      onFound={onFound}
      t={{
        search: t.employerSearch,
        hint: t.employerSearchHint,
        button: t.employerSearchButton,
        matches: t.employerMatches,
        matchesFirst: t.employerMatchesFirst,
        noMatch: t.employerNoMatch,
        failed: t.employerSearchFailed,
      }}
    />
  );
}
