CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`album_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`message` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`notes` text,
	`remind_on` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `leads_workspace_idx` ON `leads` (`workspace_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_album_idx` ON `leads` (`album_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `photos` ADD `studio` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `studio_status` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `studio_job` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `studio_note` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `studio_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `photos_studio_unfinished_idx` ON `photos` (`updated_at`) WHERE "photos"."studio_status" in ('queued', 'running');--> statement-breakpoint
ALTER TABLE `vehicles` ADD `listing_title` text;--> statement-breakpoint
ALTER TABLE `vehicles` ADD `listing_text` text;--> statement-breakpoint
ALTER TABLE `vehicles` ADD `listing_lang` text;--> statement-breakpoint
ALTER TABLE `vehicles` ADD `published_at` integer;