import { Search, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';

/** Long enough not to search for "1", "12", "123" on the way to "1234". */
const DEBOUNCE_MS = 350;

type Props = { query: string; onSearch: (query: string) => void };

/**
 * The bib / name search. What is typed searches after a pause (or at once on Enter); the query
 * itself lives in the URL, so this only mirrors it and follows it on back/forward.
 */
export function SearchBox({ query, onSearch }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(query);
  const typed = useRef(text);
  typed.current = text;

  // The URL moved (back button, a shared link): show its query, unless it is what is typed
  // already (trailing space included, or "Camille " would lose its space mid-typing).
  useEffect(() => {
    if (query !== typed.current.trim()) setText(query);
  }, [query]);

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, onSearch]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <search> yet; role="search" on a form they all do
    <form
      role="search"
      className="w-full"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
        // Closes the phone keyboard so the results are visible.
        input.current?.blur();
      }}
    >
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        Search by bib number or name
      </label>
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" aria-hidden />
        <input
          ref={input}
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="e.g. 1234 or Camille"
          autoComplete="off"
          enterKeyHint="search"
          spellCheck={false}
          className="block min-h-12 w-full rounded-xl border-0 bg-white py-2 pr-12 pl-10 text-base text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-brand-500 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
        />
        {text && (
          <button
            type="button"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              onSearch('');
              input.current?.focus();
            }}
            className="absolute top-1/2 right-1 grid size-10 -translate-y-1/2 place-items-center rounded-lg text-slate-600 hover:bg-slate-100"
          >
            <X className="size-5" aria-hidden />
          </button>
        )}
      </div>
    </form>
  );
}
