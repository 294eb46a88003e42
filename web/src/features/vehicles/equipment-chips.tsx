/** The record's equipment as chips: type and Enter (or Add) to add one, × to remove it. */
import { Plus, X } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';
import { Button } from '../../components/button';

export function EquipmentChips({ items, onChange, error }: { items: string[]; onChange: (items: string[]) => void; error?: string }) {
  const [text, setText] = useState('');
  const add = () => {
    const item = text.trim();
    if (item && !items.includes(item)) onChange([...items, item]);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium text-slate-700">Equipment</legend>
      <ul aria-label="Equipment" className="mb-2 flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-700 ring-1 ring-brand-100">
            {item}
            <button type="button" aria-label={`Remove ${item}`} onClick={() => onChange(items.filter((i) => i !== item))} className="rounded-full p-0.5 hover:bg-brand-100">
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
        {items.length === 0 && <li className="text-sm text-slate-500">None listed yet.</li>}
      </ul>
      <div className="flex gap-2">
        <label htmlFor="equipment-new" className="sr-only">New equipment</label>
        <input
          id="equipment-new"
          value={text}
          maxLength={80}
          placeholder="GPS, rear camera, heated seats…"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          className="block w-full rounded-lg border-0 px-3 py-2 ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        <Button variant="secondary" disabled={!text.trim()} onClick={add} icon={<Plus className="size-4" aria-hidden />}>Add</Button>
      </div>
      {error && <p className="mt-1 text-sm text-red-600">{error}</p>}
    </fieldset>
  );
}
