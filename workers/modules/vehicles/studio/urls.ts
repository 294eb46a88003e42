/**
 * Where a studio image is served publicly: immutable URLs (the version is part of them), served
 * only while the photo's vehicle is published or sold and the image is not doubtful. The route
 * is in studio-routes.ts; the feed and the public vehicle page link to these.
 */
export const studioUrls = (photoId: string, version: number) => ({
  web: `/v1/public/studio/${photoId}/${version}/web.webp`,
  thumb: `/v1/public/studio/${photoId}/${version}/thumb.webp`,
});
