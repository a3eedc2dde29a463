CREATE TABLE `rating_ballots` (
	`id` integer PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	`period` text NOT NULL,
	`key_hash` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_ballots_once_idx` ON `rating_ballots` (`department_id`,`period`,`key_hash`);--> statement-breakpoint
CREATE TABLE `rating_comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	`period` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rating_comments_department_period_idx` ON `rating_comments` (`department_id`,`period`,`id`);--> statement-breakpoint
CREATE TABLE `rating_keys` (
	`department_id` integer NOT NULL,
	`period` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key_sealed` text NOT NULL,
	`ballot_salt` text NOT NULL,
	PRIMARY KEY(`department_id`, `period`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_keys_keyId_unique` ON `rating_keys` (`key_id`);--> statement-breakpoint
CREATE TABLE `rating_nonces` (
	`department_id` integer NOT NULL,
	`period` text NOT NULL,
	`nonce` text NOT NULL,
	PRIMARY KEY(`department_id`, `period`, `nonce`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rating_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`body` text NOT NULL,
	`staff_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `rating_comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_replies_commentId_unique` ON `rating_replies` (`comment_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	`period` text NOT NULL,
	`responsiveness` integer NOT NULL,
	`fairness` integer NOT NULL,
	`result` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ratings_department_period_idx` ON `ratings` (`department_id`,`period`);