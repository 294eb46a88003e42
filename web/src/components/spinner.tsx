import { LoaderCircle } from 'lucide-react';

export function Spinner({ label, className = 'size-4' }: { label?: string; className?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-2 text-slate-500">
      <LoaderCircle className={`${className} animate-spin`} aria-hidden />
      {label && <span className="text-sm">{label}</span>}
    </span>
  );
}
