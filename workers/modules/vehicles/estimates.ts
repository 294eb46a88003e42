/** `POST /v1/albums/:id/vehicle/estimate`: the saved record, the workspace's own sales, the arithmetic. */
import type { Db } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { estimateVehicle, missingForEstimate } from './estimate';
import { EMPTY_VEHICLE, savedVehicle, soldComparables, vehicleAlbum } from './vehicles';

export async function estimateAlbumVehicle(db: Db, workspaceId: string, albumId: string, today = new Date()) {
  await vehicleAlbum(db, workspaceId, albumId);
  const record = (await savedVehicle(db, albumId)) ?? EMPTY_VEHICLE;
  const missing = missingForEstimate(record);
  if (missing.length) {
    const base = missing.includes('newPriceCents') ? ' (a new price, or a make and model from the catalogue)' : '';
    throw new AppError('ESTIMATE_NEEDS_DETAILS', `The estimate needs ${missing.join(', ')}${base}; year may be given as firstRegistration`, { missing });
  }
  const comparables = record.make && record.model ? await soldComparables(db, workspaceId, albumId, record.make, record.model) : [];
  return estimateVehicle(record, comparables, today);
}
