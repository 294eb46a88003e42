import { memo } from 'react';
import { apiUrl } from '../../api/client';
import type { PublicPhoto } from '../../api/types';
import { PhotoImage } from '../../components/photo-image';
import { FavouriteButton } from './favourite-button';

type Props = {
  photo: PublicPhoto;
  label: string;
  width: number;
  height: number;
  favourite: boolean;
  onOpen: (id: string) => void;
  onToggleFavourite: (photo: PublicPhoto) => void;
};

/**
 * A thumbnail: the image is the button that opens the lightbox (named by its alt text), and the
 * heart sits beside it rather than inside, since a button cannot hold another one.
 */
export const PhotoTile = memo(function PhotoTile({ photo, label, width, height, favourite, onOpen, onToggleFavourite }: Props) {
  return (
    <div className="group relative shrink-0 overflow-hidden rounded-md bg-slate-200" style={{ width, height }}>
      <button
        type="button"
        data-photo-id={photo.id}
        onClick={() => onOpen(photo.id)}
        // A two-tone ring drawn over the photo: visible on dark and light photos alike.
        className="relative block size-full after:pointer-events-none after:absolute after:inset-0 after:rounded-md focus-visible:outline-none focus-visible:after:shadow-[inset_0_0_0_3px_var(--color-brand-600),inset_0_0_0_6px_white]"
      >
        <PhotoImage
          src={apiUrl(photo.thumb.url)}
          placeholder={photo.placeholder}
          alt={label}
          width={photo.thumb.width ?? undefined}
          height={photo.thumb.height ?? undefined}
          className="size-full object-cover transition duration-300 group-hover:scale-[1.02]"
        />
      </button>
      <FavouriteButton
        active={favourite}
        onToggle={() => onToggleFavourite(photo)}
        small
        // With a mouse, an empty heart waits for hover or focus; touch screens always show it.
        className={`absolute top-1 right-1 ${favourite ? '' : '[@media(hover:hover)]:opacity-0 group-focus-within:opacity-100 group-hover:opacity-100'}`}
      />
    </div>
  );
});
