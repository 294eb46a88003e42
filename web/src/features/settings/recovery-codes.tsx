import { Copy, Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { saveFile } from '../../lib/save-file';

/** The ten recovery codes, shown once: copy or download them, then say they are saved. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = `Vitrine recovery codes (each works once instead of a code from your app)\n\n${codes.join('\n')}\n`;
  return (
    <div role="status" className="max-w-md space-y-3 rounded-2xl bg-amber-50 p-5 ring-1 ring-amber-200">
      <p className="font-medium text-amber-900">Save these recovery codes now: they are shown only once.</p>
      <p className="text-sm text-amber-900">If you lose your phone, each code signs you in once instead of a code from the app.</p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-white p-3 font-mono text-sm ring-1 ring-amber-200">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" icon={<Copy className="size-4" aria-hidden />} onClick={async () => { await navigator.clipboard.writeText(text); setCopied(true); }}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="secondary" icon={<Download className="size-4" aria-hidden />} onClick={() => saveFile(new Blob([text], { type: 'text/plain' }), 'vitrine-recovery-codes.txt')}>
          Download
        </Button>
        <Button onClick={onSaved}>I've saved them</Button>
      </div>
    </div>
  );
}
