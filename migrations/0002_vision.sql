CREATE TABLE `photo_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`photo_id` text NOT NULL,
	`album_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`raw_text` text,
	`confidence` real,
	`box` text,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `photo_tags_photo_idx` ON `photo_tags` (`photo_id`);--> statement-breakpoint
CREATE INDEX `photo_tags_search_idx` ON `photo_tags` (`album_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `photo_tags_review_idx` ON `photo_tags` (`album_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `start_list_entries` (
	`album_id` text NOT NULL,
	`bib` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`category` text,
	PRIMARY KEY(`album_id`, `bib`),
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `albums` ADD `bib_rules` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `recognition` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `recognition_note` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `cutout` text;