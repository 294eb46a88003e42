ALTER TABLE `photos` ADD `cutout_status` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `cutout_job` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `cutout_note` text;--> statement-breakpoint
CREATE INDEX `photos_cutout_unfinished_idx` ON `photos` (`updated_at`) WHERE "photos"."cutout_status" in ('queued', 'running');