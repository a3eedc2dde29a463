DROP INDEX `appeals_department_idx`;--> statement-breakpoint
CREATE INDEX `appeals_department_cosign_idx` ON `appeals` (`department_id`,`cosign_count`);--> statement-breakpoint
CREATE INDEX `appeals_category_idx` ON `appeals` (`category_id`,`publish_at`);--> statement-breakpoint
CREATE INDEX `appeals_category_cosign_idx` ON `appeals` (`category_id`,`cosign_count`);--> statement-breakpoint
CREATE INDEX `appeals_department_idx` ON `appeals` (`department_id`,`publish_at`);