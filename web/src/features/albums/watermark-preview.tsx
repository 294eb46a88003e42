import { apiUrl } from '../../api/client';
import type { Photo, Watermark, WatermarkPosition } from '../../api/types';
import { PhotoImage } from '../../components/photo-image';

/** A watermark the editor can draw and send: the album's, with one of today's positions. */
export type WatermarkSetting = Watermark & { position: WatermarkPosition };

const PLACE: Record<Exclude<WatermarkPosition, 'tiled'>, string> = {
  center: 'inset-0 items-center justify-center',
  'top-left': 'left-3 top-3',
  'top-right': 'right-3 top-3',
  'bottom-left': 'left-3 bottom-3',
  'bottom-right': 'right-3 bottom-3',
};

/**
 * The watermark as it will sit on the photos, drawn over one of the album's photos while the
 * pro edits it (the pipeline renders the real one into the public variants on save).
 */
export function WatermarkPreview({ photo, watermark }: { photo?: Photo; watermark: WatermarkSetting }) {
  const text = watermark.text.trim();
  return (
    <figure aria-label="Watermark preview" className="relative aspect-[3/2] overflow-hidden rounded-lg bg-gradient-to-br from-slate-300 to-slate-500">
      {photo?.variants && (
        <PhotoImage placeholder={photo.placeholder} src={apiUrl(photo.variants.web.url)} alt="" className="size-full object-cover" />
      )}
      {text &&
        (watermark.position === 'tiled' ? (
          <div className="absolute inset-0 flex flex-wrap content-around justify-around gap-6 overflow-hidden p-4 -rotate-12" style={{ opacity: watermark.opacity }}>
            {/* biome-ignore lint/suspicious/noArrayIndexKey: twelve identical copies of one text: position is all that tells them apart */}
            {Array.from({ length: 12 }, (_, i) => <span key={i} className="font-semibold text-white drop-shadow">{text}</span>)}
          </div>
        ) : (
          <div className={`absolute flex ${PLACE[watermark.position]}`}>
            <span className="text-lg font-semibold text-white drop-shadow" style={{ opacity: watermark.opacity }}>{text}</span>
          </div>
        ))}
      {!photo?.variants && <figcaption className="absolute bottom-2 left-2 text-xs text-white">Upload a photo to preview on it</figcaption>}
    </figure>
  );
}
