import { useRef } from 'react';
import { apiUrl } from '../../api/client';
import type { PublicPhoto } from '../../api/types';
import { PhotoImage } from '../../components/photo-image';
import { aspectRatio } from './justified-layout';
import { useElementSize } from './use-element-size';

/**
 * The 1600 px photo, fitted to the space left by the controls. Its box is sized from the known
 * aspect ratio before any pixel arrives, so the ThumbHash placeholder fills exactly the frame the
 * photo will take (no jump when it loads). Never scaled above its own size, which would blur it.
 */
export function LightboxImage({ photo, alt }: { photo: PublicPhoto; alt: string }) {
  const stage = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(stage);
  const naturalWidth = photo.web.width ?? photo.width;
  const ratio = aspectRatio(naturalWidth, photo.web.height ?? photo.height);
  const fitWidth = Math.min(width, height * ratio, naturalWidth || Number.POSITIVE_INFINITY);
  return (
    <div ref={stage} className="absolute inset-0 grid place-items-center px-2 pt-2 pb-20 sm:px-16 sm:py-4">
      {width > 0 && (
        <PhotoImage
          src={apiUrl(photo.web.url)}
          placeholder={photo.placeholder}
          alt={alt}
          loading="eager"
          fetchPriority="high"
          draggable={false}
          className="rounded-sm object-contain"
          style={{ width: fitWidth, height: fitWidth / ratio }}
        />
      )}
    </div>
  );
}
