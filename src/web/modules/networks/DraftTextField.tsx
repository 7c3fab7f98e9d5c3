import { type ReactNode, useEffect, useState } from 'react';
import { Input, Label, Text, TextArea, TextField } from 'react-aria-components';

/**
 * A text that is handed on when the field is left (or Enter in a one-line field), not at every
 * key: the editing helpers trim, and trimming while typing would swallow the space before the
 * next word.
 */
export function DraftTextField({
  label,
  description,
  value,
  onCommit,
  maxLength,
  multiline,
  isReadOnly,
  allowEmpty = true,
}: {
  label: ReactNode;
  description?: string;
  value: string;
  onCommit: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  isReadOnly?: boolean;
  /** When false, emptying the field puts the old text back instead of handing on nothing. */
  allowEmpty?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (!allowEmpty && !draft.trim()) {
      setDraft(value);
      return;
    }
    if (draft !== value) onCommit(draft);
  };
  return (
    <TextField
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !multiline) commit();
      }}
      maxLength={maxLength}
      isReadOnly={isReadOnly}
      className="field eco-text-field"
    >
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      {multiline ? <TextArea className="input" rows={3} /> : <Input className="input" />}
    </TextField>
  );
}
