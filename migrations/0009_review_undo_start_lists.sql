CREATE TABLE `start_lists` (
	`album_id` text PRIMARY KEY NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tag_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`album_id` text NOT NULL,
	`photo_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`action` text NOT NULL,
	`kind` text NOT NULL,
	`before` text,
	`value` text NOT NULL,
	`actor_user_id` text,
	`actor_api_key_id` text,
	`undone_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tag_changes_album_idx` ON `tag_changes` (`album_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tag_changes_tag_idx` ON `tag_changes` (`tag_id`,`created_at`);