ALTER TABLE `users` ADD `email_verified_at` integer;--> statement-breakpoint
-- Accounts made before verification existed signed up under the old rules (and already hold their
-- starter credits): they count as verified, so no seller already taking payments is stopped.
UPDATE `users` SET `email_verified_at` = `created_at`;
