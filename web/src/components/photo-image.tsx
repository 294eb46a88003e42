import { type ImgHTMLAttributes, useState } from 'react';
import { placeholderUrl } from '../lib/placeholder';

/** An <img> painted with its ThumbHash placeholder until the real pixels arrive. */
/** `alt` is required: "" for a decorative copy, words for a photo someone looks at. */
export function PhotoImage({ placeholder, alt, className = '', style, onLoad, ...img }: ImgHTMLAttributes<HTMLImageElement> & { placeholder: string | null; alt: string }) {
  const [loaded, setLoaded] = useState(false);
  const background = loaded ? undefined : placeholderUrl(placeholder);
  return (
    <img
      loading="lazy"
      decoding="async"
      alt={alt}
      className={`bg-slate-200 bg-cover bg-center ${className}`}
      style={{ ...style, backgroundImage: background ? `url(${background})` : undefined }}
      onLoad={(e) => {
        setLoaded(true);
        onLoad?.(e);
      }}
      {...img}
    />
  );
}
