import { Select, type SelectProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { LIST_UNMOUNTED } from '../components/forms';
import { QUARTER_HOURS, typedTime } from './time';

type TimeSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'dropdownOpened' | 'onDropdownOpen' | 'onDropdownClose'> & {
  value: string | null;
  onChange: (time: string) => void;
};

const NOT_A_TIME = 'Type a time on the quarter hour, e.g. 10:30 or 1030.';

/** An option of the open list is highlighted: Enter picks it (the list's own keys), not the typed text. */
function optionHighlighted(input: HTMLInputElement): boolean {
  const list = input.getAttribute('aria-controls');
  return list !== null && document.getElementById(list)?.querySelector('[data-combobox-selected]') != null;
}

/**
 * A time on the quarter hour, picked from the list or typed. A typed time is taken as the value
 * the moment Enter (or Ctrl+Enter, which then submits) is pressed, whatever the list is doing:
 * before, Enter with no option highlighted submitted the form with the time it held before,
 * half of the change made.
 */
export function TimeSelect({ value, onChange, onKeyDown, onBlur, error, ...props }: TimeSelectProps) {
  // The box holds what is typed, and the time itself whenever the time changes: set while
  // drawing, not in an effect, so a form filled in as it opens shows its time in the first frame.
  const [search, setSearch] = useState(value ?? '');
  const [searchFor, setSearchFor] = useState(value);
  if (searchFor !== value) {
    setSearchFor(value);
    setSearch(value ?? '');
  }
  const [typingError, setTypingError] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);

  const take = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && search !== (value ?? '') && !optionHighlighted(e.currentTarget)) {
      const typed = typedTime(search);
      if (typed === null) {
        e.preventDefault();
        e.stopPropagation(); // not a time: nothing is submitted
        setTypingError(NOT_A_TIME);
        return;
      }
      setSearch(typed);
      setListOpen(false);
      onChange(typed);
      // Plain Enter takes the time and stays, so the check beside it can be read; Ctrl+Enter goes on to submit.
      if (!e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        return;
      }
    }
    onKeyDown?.(e);
  };

  return (
    <Select
      comboboxProps={LIST_UNMOUNTED}
      {...props}
      data={QUARTER_HOURS as string[]}
      searchable
      allowDeselect={false}
      dropdownOpened={listOpen}
      onDropdownOpen={() => setListOpen(true)}
      onDropdownClose={() => setListOpen(false)}
      value={value || null}
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        setTypingError(null);
      }}
      onChange={(v) => {
        if (v !== null) onChange(v);
        setTypingError(null);
      }}
      onKeyDown={take}
      onBlur={(e) => {
        // Leaving the box with a typed time keeps it; anything else goes back to the time held.
        const typed = typedTime(search);
        if (typed !== null && typed !== value) onChange(typed);
        else if (typed === null) setSearch(value ?? '');
        setTypingError(null);
        onBlur?.(e);
      }}
      error={typingError ?? error}
    />
  );
}
