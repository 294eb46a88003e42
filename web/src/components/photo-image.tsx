import { type ImgHTMLAttributes, useState } from 'react';
import { placeholderUrl } from '../lib/placeholder';

/** An <img> painted with its ThumbHash placeholder until the real pixels arrive. */
export function PhotoImage({ placeholder, className = '', style, onLoad, ...img }: ImgHTMLAttributes<HTMLImageElement> & { placeholder: string | null }) {
  const [loaded, setLoaded] = useState(false);
  const background = loaded ? undefined : placeholderUrl(placeholder);
  return (
    <img
      loading="lazy"
      decoding="async"
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
