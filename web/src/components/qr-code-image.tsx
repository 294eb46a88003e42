import { useEffect, useState } from 'react';
import { Spinner } from './spinner';

/**
 * A QR code as an SVG image. The encoder is loaded on first use: most visitors never open it,
 * and it should not slow down the gallery's first paint on a phone at the finish line.
 * `failedText` says what to do instead when it cannot be drawn.
 */
export function QrCodeImage({ url, label, failedText = 'The QR code could not be drawn; share the link below instead.' }: { url: string; label: string; failedText?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qr) => qr.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#0f172a', light: '#ffffff' } }))
      .then(
        (svg) => current && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
        () => current && setFailed(true),
      );
    return () => {
      current = false;
    };
  }, [url]);

  if (failed) return <p className="text-sm text-red-700">{failedText}</p>;
  return (
    <div className="mx-auto grid aspect-square w-full max-w-64 place-items-center rounded-xl bg-white ring-1 ring-slate-200">
      {src ? <img src={src} alt={label} className="size-full" /> : <Spinner label="Drawing the QR code…" />}
    </div>
  );
}
