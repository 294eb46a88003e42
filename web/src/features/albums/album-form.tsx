import { type ClipboardEvent, useState } from 'react';
import { ALBUM_TITLE_MAX } from '../../../../workers/shared/constants';
import type { AlbumVisibility } from '../../../../workers/shared/enums';
import { cutAtWord } from '../../../../workers/shared/text';
import type { Album } from '../../api/types';
import { Button } from '../../components/button';
import { Field, FormError, SelectField } from '../../components/field';
import { useSubmit } from '../../lib/use-submit';

export type AlbumFields = { title: string; date: string | null; location: string | null; visibility: AlbumVisibility };

/** Keyed by the Worker's enum so none goes missing; most private first, like the default. */
const VISIBILITY_LABELS: Record<AlbumVisibility, string> = {
  private: 'Private — only your workspace',
  unlisted: 'Unlisted — anyone with the link',
  public: 'Public',
};

/** Title, date, location and visibility: creating an album and editing its details share it. */
export function AlbumForm({ album, submitLabel, onSubmit, onCancel }: {
  album?: Album;
  submitLabel: string;
  onSubmit: (fields: AlbumFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const { error, busy, onSubmit: submit } = useSubmit((form) =>
    onSubmit({
      title: String(form.get('title')),
      date: String(form.get('date')) || null,
      location: String(form.get('location')).trim() || null,
      visibility: form.get('visibility') as AlbumVisibility,
    }),
  );
  const fields = error?.fields ?? {};
  const [titleLength, setTitleLength] = useState(album?.title.length ?? 0);
  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError error={error && Object.keys(fields).length === 0 ? error.message : null} />
      <Field
        label="Title"
        name="title"
        required
        maxLength={ALBUM_TITLE_MAX}
        defaultValue={album?.title}
        error={fields.title}
        placeholder="Paris Half Marathon 2026"
        hint={`${titleLength} / ${ALBUM_TITLE_MAX} characters`}
        onChange={(e) => setTitleLength(e.currentTarget.value.length)}
        onPaste={(e) => pasteWholeWords(e, ALBUM_TITLE_MAX, setTitleLength)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Date" name="date" type="date" defaultValue={album?.date ?? ''} error={fields.date} />
        <Field label="Location" name="location" maxLength={160} defaultValue={album?.location ?? ''} error={fields.location} />
      </div>
      <SelectField label="Visibility" name="visibility" defaultValue={album?.visibility ?? 'private'} error={fields.visibility}>
        {Object.entries(VISIBILITY_LABELS).map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </SelectField>
      <div className="flex justify-end gap-2">
        {onCancel && <Button variant="secondary" onClick={onCancel}>Cancel</Button>}
        <Button type="submit" busy={busy}>{submitLabel}</Button>
      </div>
    </form>
  );
}

/**
 * A paste past `maxLength` keeps whole words (the browser would cut it mid-word at the limit),
 * like the server does for a title sent through the API.
 */
function pasteWholeWords(e: ClipboardEvent<HTMLInputElement>, max: number, onLength: (length: number) => void) {
  const input = e.currentTarget;
  const { selectionStart: start, selectionEnd: end, value } = input;
  const next = value.slice(0, start ?? value.length) + e.clipboardData.getData('text') + value.slice(end ?? value.length);
  if (next.length <= max) return;
  e.preventDefault();
  input.value = cutAtWord(next.replace(/\s+/g, ' ').trim(), max);
  onLength(input.value.length);
}
