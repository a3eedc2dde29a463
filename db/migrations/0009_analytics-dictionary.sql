CREATE TABLE `analytics_dictionary` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`term` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_dictionary_kind_term_idx` ON `analytics_dictionary` (`kind`,`term`);--> statement-breakpoint
ALTER TABLE `analytics_topics` ADD `sources` text DEFAULT '{}' NOT NULL;