PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_staff_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer,
	`appeal_id` integer,
	`alert_id` integer,
	`kind` text NOT NULL,
	`digest` text,
	`dedupe_key` text NOT NULL,
	`at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`alert_id`) REFERENCES `analytics_alerts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "staff_notifications_subject_check" CHECK(("appeal_id" IS NOT NULL) + ("alert_id" IS NOT NULL) + ("digest" IS NOT NULL) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_staff_notifications`("id", "department_id", "appeal_id", "kind", "dedupe_key", "at", "read_at") SELECT "id", "department_id", "appeal_id", "kind", "dedupe_key", "at", "read_at" FROM `staff_notifications`;--> statement-breakpoint
DROP TABLE `staff_notifications`;--> statement-breakpoint
ALTER TABLE `__new_staff_notifications` RENAME TO `staff_notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_notifications_dedupeKey_unique` ON `staff_notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `staff_notifications_department_idx` ON `staff_notifications` (`department_id`,`at`);