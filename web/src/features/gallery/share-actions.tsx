import { Check, QrCode, Share2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { QrCodeImage } from '../../components/qr-code-image';

/** The gallery's own address, without the search or the open photo. */
const galleryUrl = (slug: string) => `${window.location.origin}/e/${encodeURIComponent(slug)}`;

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Share (the phone's share sheet, or copying the link) and a QR code to put on a screen at the finish. */
export function ShareActions({ slug, title }: { slug: string; title: string }) {
  const [qrOpen, setQrOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const url = galleryUrl(slug);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  const share = async () => {
    if (navigator.share) {
      try {
        await navigator.share({ title, text: `Photos of ${title}`, url });
        return;
      } catch (err) {
        // Dismissing the share sheet is not a failure worth a fallback.
        if ((err as Error).name === 'AbortError') return;
      }
    }
    setCopied(await copy(url));
  };

  return (
    <div className="flex shrink-0 gap-2">
      <Button variant="secondary" onClick={share} icon={copied ? <Check className="size-4" aria-hidden /> : <Share2 className="size-4" aria-hidden />}>
        {copied ? 'Link copied' : 'Share'}
      </Button>
      <Button variant="secondary" onClick={() => setQrOpen(true)} icon={<QrCode className="size-4" aria-hidden />}>
        QR code
      </Button>
      <span role="status" className="sr-only">
        {copied ? 'Gallery link copied to the clipboard' : ''}
      </span>
      <Dialog open={qrOpen} onClose={() => setQrOpen(false)} title="Scan to open this gallery">
        <QrCodeImage url={url} label={`QR code of the gallery ${title}`} />
        <p className="mt-3 text-center text-sm break-all text-slate-600">{url}</p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={async () => setCopied(await copy(url))}>
            {copied ? 'Link copied' : 'Copy link'}
          </Button>
          <Button onClick={() => setQrOpen(false)}>Done</Button>
        </div>
      </Dialog>
    </div>
  );
}
