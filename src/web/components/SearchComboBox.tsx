import { type Key, type ReactNode, useEffect, useRef, useState } from 'react';
import { ComboBox, FieldError, Input, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { LabelAndHint } from './fields.tsx';

const MIN_QUERY = 2;

/** What the list says while it has no options to show. */
export interface SearchMessages {
  searching: string;
  typeMore: string;
  noMatch: string;
}

interface SearchComboBoxProps<T> {
  /** Form field name; the form value is the chosen item's key. */
  name: string;
  label: string;
  description: ReactNode;
  value: string | null;
  /** Runs the search; aborted through `signal` when the query changes again. */
  search: (query: string, signal: AbortSignal) => Promise<T[]>;
  itemKey: (item: T) => string;
  /** The item's text: its accessible name, and with `holdPickedText` the input's text once chosen. */
  itemText: (item: T) => string;
  /** A second line under the item's text; none for null or undefined. */
  itemDetail?: (item: T) => ReactNode;
  onSelect: (item: T | null) => void;
  error: string | undefined;
  onClearError: () => void;
  messages: SearchMessages;
  debounceMs: number;
  /** Put the chosen item's text in the input, and do not search for that text. */
  holdPickedText?: boolean;
}

/**
 * Search-as-you-type over an API: waits for a pause in typing, cancels the previous
 * request, and tells the person why the list is empty (too short, searching, no match).
 */
export function SearchComboBox<T extends object>({
  name,
  label,
  description,
  value,
  search,
  itemKey,
  itemText,
  itemDetail,
  onSelect,
  error,
  onClearError,
  messages,
  debounceMs,
  holdPickedText = false,
}: SearchComboBoxProps<T>) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  // The caller passes a fresh function each render; only a new query should search again.
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    // The input shows the chosen item's text: no new search for that.
    if (picked !== null && query === picked) return;
    if (query.trim().length < MIN_QUERY) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      searchRef
        .current(query.trim(), controller.signal)
        .then(
          (found) => setItems(found),
          () => setItems([]),
        )
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, picked, debounceMs]);

  const choose = (key: Key | null) => {
    onClearError();
    const chosen = items.find((item) => itemKey(item) === key) ?? null;
    if (chosen && holdPickedText) {
      setPicked(itemText(chosen));
      setQuery(itemText(chosen));
    }
    onSelect(chosen);
  };

  return (
    <ComboBox
      className="field"
      name={name}
      formValue="key"
      items={items}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={value}
      onSelectionChange={choose}
      menuTrigger="input"
      allowsEmptyCollection
      isRequired
      isInvalid={Boolean(error)}
    >
      <LabelAndHint label={label} description={description} />
      <Input className="input" />
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {searching
                ? messages.searching
                : query.trim().length < MIN_QUERY
                  ? messages.typeMore
                  : messages.noMatch}
            </p>
          )}
        >
          {(item: T) => {
            const detail = itemDetail?.(item);
            return (
              <ListBoxItem id={itemKey(item)} textValue={itemText(item)} className="listbox-item">
                <span className="option-main">{itemText(item)}</span>
                {detail !== null && detail !== undefined ? (
                  <span className="option-sub">{detail}</span>
                ) : null}
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
