CREATE TABLE `explainer_answers` (
	`explainer_id` integer NOT NULL,
	`appeal_id` integer NOT NULL,
	PRIMARY KEY(`explainer_id`, `appeal_id`),
	FOREIGN KEY (`explainer_id`) REFERENCES `explainers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `explainer_answers_appeal_idx` ON `explainer_answers` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `explainer_questions` (
	`explainer_id` integer NOT NULL,
	`appeal_id` integer NOT NULL,
	PRIMARY KEY(`explainer_id`, `appeal_id`),
	FOREIGN KEY (`explainer_id`) REFERENCES `explainers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `explainer_questions_appeal_idx` ON `explainer_questions` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `explainer_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`explainer_id` integer NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`effective_on` text NOT NULL,
	`category_ids` text NOT NULL,
	`note` text NOT NULL,
	`edited_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`explainer_id`) REFERENCES `explainers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `explainer_versions_number_idx` ON `explainer_versions` (`explainer_id`,`version`);--> statement-breakpoint
CREATE TABLE `explainers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`category_ids` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`effective_on` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `explainers_department_idx` ON `explainers` (`department_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `forum_boards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forum_boards_slug_unique` ON `forum_boards` (`slug`);--> statement-breakpoint
ALTER TABLE `forum_replies` ADD `department_id` integer REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `forum_replies` ADD `agree_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_threads` ADD `board_id` integer REFERENCES forum_boards(id);--> statement-breakpoint
ALTER TABLE `forum_threads` ADD `agree_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `forum_threads_board_idx` ON `forum_threads` (`board_id`,`publish_at`);