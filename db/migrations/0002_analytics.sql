CREATE TABLE `analytics_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_kind` text NOT NULL,
	`group_key` text NOT NULL,
	`label` text NOT NULL,
	`start_day` integer NOT NULL,
	`end_day` integer NOT NULL,
	`observed` integer NOT NULL,
	`distinct_count` integer NOT NULL,
	`expected` real NOT NULL,
	`growth` real NOT NULL,
	`p_value` real NOT NULL,
	`z` real NOT NULL,
	`sample_appeal_ids` text NOT NULL,
	`department_ids` text NOT NULL,
	`suggested_department_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`assigned_department_id` integer,
	`assigned_by` integer,
	`assigned_at` integer,
	`response_kind` text,
	`response_note` text,
	`response_url` text,
	`closed_by` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`suggested_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_alerts_group_start_idx` ON `analytics_alerts` (`group_kind`,`group_key`,`start_day`);--> statement-breakpoint
CREATE INDEX `analytics_alerts_status_idx` ON `analytics_alerts` (`status`,`end_day`);--> statement-breakpoint
CREATE TABLE `analytics_topics` (
	`key` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`item_count` integer NOT NULL,
	`distinct_count` integer NOT NULL,
	`first_day` integer NOT NULL,
	`last_day` integer NOT NULL,
	`per_day` text NOT NULL,
	`departments` text NOT NULL,
	`category_slug` text,
	`sentiment` real NOT NULL,
	`cosigns` integer NOT NULL,
	`appeal_ids` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `analytics_topics_last_day_idx` ON `analytics_topics` (`last_day`);