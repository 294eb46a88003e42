/**
 * `npm run docs:screenshots`: README's screenshots, taken from the last browser-test run
 * (e2e/screenshots) and shrunk to small palette PNGs in docs/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const DESKTOP = 720;
const PHONE = 300;
const PICKS: Record<string, [name: string, width: number]> = {
  '01-login': ['sign-in', DESKTOP],
  '03-uploading': ['uploading', DESKTOP],
  '04-album-ready': ['album', DESKTOP],
  '05-api-keys': ['api-keys', DESKTOP],
  '06-review': ['review', DESKTOP],
  '07-gallery-phone': ['gallery-phone', PHONE],
  '08-search-bib': ['search-phone', PHONE],
  '09-lightbox': ['lightbox-phone', PHONE],
  '11-resume-notice': ['resume', DESKTOP],
  '12-prices': ['prices', DESKTOP],
  '13-cart-phone': ['cart-phone', PHONE],
  '16-downloads': ['downloads-phone', PHONE],
  '17-credits': ['credits', DESKTOP],
  'review-01-photo-dialog': ['photo-dialog', DESKTOP],
  'review-02-review-undo': ['review-undo', DESKTOP],
  'uploader-mixed-batch': ['uploader-done', DESKTOP],
  'pro-sales-phone': ['sales-phone', PHONE],
  'pro-credits-desktop': ['credit-history', DESKTOP],
  'cart-1-once': ['cart-once-phone', PHONE],
  'dealer-flow-6-studio-before-after': ['studio-before-after', DESKTOP],
  'dealer-flow-4-details-estimate': ['vehicle-estimate', DESKTOP],
  'dealer-flow-8-public-page': ['vehicle-public-phone', PHONE],
  'realestate-flow-6-properties': ['properties', DESKTOP],
  'realestate-flow-2-cost': ['transform-picker', DESKTOP],
  'realestate-flow-5-before-after': ['property-before-after', DESKTOP],
  'team-members': ['team', DESKTOP],
  'two-factor-recovery-codes': ['two-factor', DESKTOP],
};

const from = join(import.meta.dirname, '..', 'e2e', 'screenshots');
const to = join(import.meta.dirname, '..', 'docs');
mkdirSync(to, { recursive: true });
for (const [shot, [name, width]] of Object.entries(PICKS)) {
  const info = await sharp(join(from, `${shot}.png`))
    .resize({ width })
    .png({ palette: true, quality: 80, compressionLevel: 9 })
    .toFile(join(to, `${name}.png`));
  console.log(`docs/${name}.png ${info.width}x${info.height} ${(info.size / 1024).toFixed(0)} KB`);
}
