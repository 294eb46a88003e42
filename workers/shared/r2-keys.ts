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

/** Every key a photo can own, for deletion. */
export const allPhotoKeys = (photoId: string) => Object.values(photoKeys(photoId));
