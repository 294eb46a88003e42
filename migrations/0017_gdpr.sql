CREATE TABLE `data_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`object_key` text,
	`bytes` integer,
	`files` integer,
	`error` text,
	`completed_at` integer,
	`expires_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `data_exports_user_idx` ON `data_exports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `retained_orders` (
	`order_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`status` text NOT NULL,
	`subtotal_cents` integer NOT NULL,
	`fee_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`stripe_payment_intent_id` text,
	`paid_at` integer,
	`ordered_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `retained_orders_workspace_idx` ON `retained_orders` (`workspace_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `deleting_since` integer;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `deleting_since` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `email_erased_at` integer;