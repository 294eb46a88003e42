/** A labelled progress bar (0..1); `tone` colours errors and completion. */
export function ProgressBar({ value, label, tone = 'brand', className = '' }: { value: number; label: string; tone?: 'brand' | 'green' | 'red'; className?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  const colour = { brand: 'bg-brand-500', green: 'bg-emerald-500', red: 'bg-red-500' }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`h-2 w-full overflow-hidden rounded-full bg-slate-200 ${className}`}
    >
      <div className={`h-full ${colour} transition-[width] duration-300`} style={{ width: `${percent}%` }} />
    </div>
  );
}
