/**
 * Where a shown transformation is served publicly: immutable URLs naming it, answered only while
 * it is the photo's shown version (shown.ts). The route is in shown-routes.ts; the public gallery
 * links to these instead of the original's variants.
 */
export const shownUrls = (photoId: string, transformationId: string) => ({
  web: `/v1/public/transformations/${photoId}/${transformationId}/web.webp`,
  thumb: `/v1/public/transformations/${photoId}/${transformationId}/thumb.webp`,
});
