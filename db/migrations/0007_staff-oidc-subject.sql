ALTER TABLE `staff` ADD `oidc_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_oidcSubject_unique` ON `staff` (`oidc_subject`);