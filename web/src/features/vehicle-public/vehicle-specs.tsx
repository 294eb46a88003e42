import { Calendar, CalendarCheck, Check, DoorOpen, Fuel, Gauge, type LucideIcon, Palette, Settings2, ShieldCheck, Users, Zap } from 'lucide-react';
import type { PublicVehicle } from '../../api/types';
import type { Copy } from './copy';

type Spec = { icon: LucideIcon; label: string; value: string | null };

/** The facts a buyer compares first, each with its icon; unknown ones are left out. */
function specsOf(v: PublicVehicle, copy: Copy): Spec[] {
  const number = (n: number) => n.toLocaleString(copy.locale);
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(copy.locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const specs: Spec[] = [
    { icon: Calendar, label: copy.year, value: v.year ? String(v.year) : null },
    { icon: CalendarCheck, label: copy.firstRegistration, value: v.firstRegistration ? date(v.firstRegistration) : null },
    { icon: Gauge, label: copy.mileage, value: v.mileageKm != null ? `${number(v.mileageKm)} km` : null },
    { icon: Fuel, label: copy.fuel, value: v.fuel ? copy.fuels[v.fuel] : null },
    { icon: Settings2, label: copy.gearbox, value: v.gearbox ? copy.gearboxes[v.gearbox] : null },
    { icon: Zap, label: copy.power, value: v.powerHp ? `${number(v.powerHp)} ${copy.hp}` : null },
    { icon: Palette, label: copy.colour, value: v.colour },
    { icon: DoorOpen, label: copy.doors, value: v.doors ? String(v.doors) : null },
    { icon: Users, label: copy.seats, value: v.seats ? String(v.seats) : null },
    { icon: ShieldCheck, label: copy.condition, value: v.condition ? copy.conditions[v.condition] : null },
  ];
  return specs.filter((s) => s.value);
}

export function VehicleSpecs({ vehicle, copy }: { vehicle: PublicVehicle; copy: Copy }) {
  const specs = specsOf(vehicle, copy);
  if (!specs.length) return null;
  return (
    <section aria-labelledby="specs-title">
      <h2 id="specs-title" className="text-lg font-semibold">{copy.specs}</h2>
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {specs.map(({ icon: Icon, label, value }) => (
          // The icon sits in the <dt>: a <dl>'s groups may hold only terms and descriptions.
          <div key={label} className="relative rounded-xl bg-white py-3 pr-3 pl-11 ring-1 ring-slate-200">
            <dt className="text-xs text-slate-500">
              <Icon className="absolute top-1/2 left-3 size-5 -translate-y-1/2 text-brand-600" aria-hidden /> {label}
            </dt>
            <dd className="truncate font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function EquipmentList({ equipment, copy }: { equipment: string[]; copy: Copy }) {
  if (!equipment.length) return null;
  return (
    <section aria-labelledby="equipment-title">
      <h2 id="equipment-title" className="text-lg font-semibold">{copy.equipment}</h2>
      <ul className="mt-3 grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
        {equipment.map((item) => (
          <li key={item} className="flex items-start gap-2 text-slate-700">
            <Check className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden /> {item}
          </li>
        ))}
      </ul>
    </section>
  );
}
