import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { WATERMARK_POSITIONS } from '../../../../workers/shared/constants';
import { api, type ApiError } from '../../api/client';
import type { Album, Photo, Watermark, WatermarkPosition } from '../../api/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field, FormError, SelectField } from '../../components/field';
import { AlbumForm } from './album-form';
import { AlbumPacks } from './album-packs';
import { WatermarkPreview, type WatermarkSetting } from './watermark-preview';

const Card = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
    <h2 className="mb-4 font-semibold">{title}</h2>
    {children}
  </section>
);

/** Details, watermark (with a live preview on one of the album's photos) and deletion. */
export function AlbumSettings({ album, photos, onSaved }: { album: Album; photos: Photo[]; onSaved: () => void }) {
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Details">
        <AlbumForm
          album={album}
          submitLabel="Save details"
          onSubmit={async (fields) => {
            await api.albums.update(album.id, fields);
            setSaved('Details saved');
            onSaved();
          }}
        />
        {saved && <p role="status" className="mt-3 text-sm text-emerald-700">{saved}</p>}
      </Card>
      <Card title="Watermark">
        <WatermarkEditor album={album} sample={photos.find((p) => p.variants)} onSaved={onSaved} />
      </Card>
      <Card title="Prices">
        <AlbumPacks albumId={album.id} />
      </Card>
      <Card title="Delete album">
        <DeleteAlbum album={album} />
      </Card>
    </div>
  );
}

const isPosition = (position: string): position is WatermarkPosition => (WATERMARK_POSITIONS as readonly string[]).includes(position);

/** A watermark saved with a position since retired (the API keeps it as stored) starts from the default one. */
const settingOf = (watermark: Watermark | null): WatermarkSetting =>
  watermark
    ? { ...watermark, position: isPosition(watermark.position) ? watermark.position : 'bottom-right' }
    : { text: '', position: 'bottom-right', opacity: 0.5 };

function WatermarkEditor({ album, sample, onSaved }: { album: Album; sample?: Photo; onSaved: () => void }) {
  const [mark, setMark] = useState<WatermarkSetting>(() => settingOf(album.watermark));
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (watermark: WatermarkSetting | null) => {
    setBusy(true);
    setError(null);
    try {
      const { rerendering } = await api.albums.update(album.id, { watermark });
      setNote(rerendering ? `Saved: ${rerendering} photos are being re-rendered with it` : 'Saved');
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); void save(mark.text.trim() ? mark : null); }}>
      <WatermarkPreview photo={sample} watermark={mark} />
      <FormError error={error?.message} />
      <Field label="Text" value={mark.text} maxLength={80} placeholder="© Your Studio" onChange={(e) => setMark({ ...mark, text: e.target.value })} hint="Leave empty for no watermark" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Position" value={mark.position} onChange={(e) => setMark({ ...mark, position: e.target.value as WatermarkPosition })}>
          {WATERMARK_POSITIONS.map((p) => <option key={p} value={p}>{p.replace('-', ' ')}</option>)}
        </SelectField>
        <Field
          label={`Opacity (${Math.round(mark.opacity * 100)}%)`}
          type="range"
          min={0.05}
          max={1}
          step={0.05}
          value={mark.opacity}
          onChange={(e) => setMark({ ...mark, opacity: Number(e.target.value) })}
          className="[&_input]:px-0 [&_input]:ring-0"
        />
      </div>
      <div className="flex items-center justify-end gap-3">
        {note && <p role="status" className="text-sm text-emerald-700">{note}</p>}
        <Button type="submit" busy={busy}>Save watermark</Button>
      </div>
    </form>
  );
}

function DeleteAlbum({ album }: { album: Album }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <p className="mb-4 text-sm text-slate-600">Deletes the album, every photo in it and their files. This cannot be undone.</p>
      <Button variant="danger" icon={<Trash2 className="size-4" aria-hidden />} onClick={() => setOpen(true)}>Delete album</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete “${album.title}”?`}>
        <p className="text-sm text-slate-600">All its photos and files are deleted for good. Visitors' links stop working.</p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>Keep album</Button>
          <Button
            variant="danger"
            busy={busy}
            onClick={async () => {
              setBusy(true);
              await api.albums.remove(album.id);
              navigate('/albums');
            }}
          >
            Delete for good
          </Button>
        </div>
      </Dialog>
    </>
  );
}
