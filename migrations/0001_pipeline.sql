ALTER TABLE `albums` ADD `content_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `photos` ADD `taken_at` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `camera` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `phash` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `blur_score` real;--> statement-breakpoint
ALTER TABLE `photos` ADD `is_blurry` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `placeholder` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `duplicate_of` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `near_duplicate_of` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `web_width` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `web_height` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `thumb_width` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `thumb_height` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `variants_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `photos` ADD `processing_ms` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `peak_wasm_bytes` integer;--> statement-breakpoint
ALTER TABLE `photos` ADD `sort_at` integer;--> statement-breakpoint
CREATE INDEX `photos_gallery_idx` ON `photos` (`album_id`,`status`,`sort_at`,`id`);--> statement-breakpoint
CREATE INDEX `photos_album_sha_idx` ON `photos` (`album_id`,`sha256`);