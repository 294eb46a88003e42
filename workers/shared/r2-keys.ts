/** Deterministic R2 keys: a job that runs twice writes the same objects. */
export const photoKeys = (photoId: string) => ({
  original: `photos/${photoId}/original`,
  web: `photos/${photoId}/web.webp`,
  thumb: `photos/${photoId}/thumb.webp`,
  cutout: `photos/${photoId}/cutout.png`,
  /** The studio image (vehicles): 1600 px WebP and its thumbnail, replaced by each new look. */
  studio: `photos/${photoId}/studio.webp`,
  studioThumb: `photos/${photoId}/studio-thumb.webp`,
});

/**
 * A real-estate transformation's result (photoId/transformationId): a 2048 px WebP and its 400 px
 * thumbnail, disclosure label stamped in when the kind has one. Under the photo's prefix so a
 * photo's deletion can list them.
 */
export const transformationKeys = (photoId: string, transformationId: string) => ({
  web: `photos/${photoId}/transformations/${transformationId}/web.webp`,
  thumb: `photos/${photoId}/transformations/${transformationId}/thumb.webp`,
});

/** Every key a photo can own, for deletion. */
export const allPhotoKeys = (photoId: string) => Object.values(photoKeys(photoId));
