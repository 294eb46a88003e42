CREATE TABLE `properties` (
	`album_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`address` text,
	`property_type` text,
	`surface_m2` real,
	`rooms` integer,
	`bedrooms` integer,
	`price_cents` integer,
	`reference` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `properties_workspace_idx` ON `properties` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `transformations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`album_id` text NOT NULL,
	`photo_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`kind` text NOT NULL,
	`style` text,
	`room_type` text,
	`seed` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`reason` text,
	`credits` integer NOT NULL,
	`engine` text,
	`labelled` integer DEFAULT false NOT NULL,
	`width` integer,
	`height` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transformations_photo_idx` ON `transformations` (`photo_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transformations_album_idx` ON `transformations` (`album_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transformations_batch_idx` ON `transformations` (`batch_id`);--> statement-breakpoint
CREATE INDEX `transformations_unfinished_idx` ON `transformations` (`updated_at`) WHERE "transformations"."status" in ('queued', 'running');--> statement-breakpoint
ALTER TABLE `photos` ADD `room` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `shown_transformation_id` text;