CREATE TABLE `admin_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_totp_steps` (
	`staff_id` integer PRIMARY KEY NOT NULL,
	`last_step` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `code_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`count` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`purpose` text NOT NULL,
	`epoch` integer NOT NULL,
	`key_hash` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`purpose`, `epoch`, `key_hash`)
);
--> statement-breakpoint
CREATE TABLE `enrollment_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `code_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `issuer_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key_sealed` text NOT NULL,
	`state` text NOT NULL,
	`not_before` integer NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE TABLE `salts` (
	`purpose` text NOT NULL,
	`epoch` integer NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`purpose`, `epoch`)
);
--> statement-breakpoint
CREATE TABLE `spent_nonces` (
	`key_id` text NOT NULL,
	`nonce` text NOT NULL,
	PRIMARY KEY(`key_id`, `nonce`),
	FOREIGN KEY (`key_id`) REFERENCES `issuer_keys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `page_views` (
	`page` text NOT NULL,
	`hour` integer NOT NULL,
	`appeal_id` integer,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`page`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `page_views_hour_idx` ON `page_views` (`hour`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`keywords` text,
	`department_id` integer NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `routing_rules_category_idx` ON `routing_rules` (`category_id`);--> statement-breakpoint
CREATE TABLE `appeal_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appeal_id` integer NOT NULL,
	`round` integer NOT NULL,
	`department_id` integer NOT NULL,
	`responder_role` text NOT NULL,
	`staff_id` integer,
	`kind` text NOT NULL,
	`content` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeal_answers_appeal_idx` ON `appeal_answers` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `appeal_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appeal_id` integer NOT NULL,
	`kind` text NOT NULL,
	`department_id` integer,
	`actor_role` text,
	`actor_staff_id` integer,
	`data` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeal_events_appeal_idx` ON `appeal_events` (`appeal_id`,`id`);--> statement-breakpoint
CREATE TABLE `appeal_verdicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appeal_id` integer NOT NULL,
	`round` integer NOT NULL,
	`department_id` integer,
	`verdict` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeal_verdicts_round_idx` ON `appeal_verdicts` (`appeal_id`,`round`);--> statement-breakpoint
CREATE TABLE `appeals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category_id` integer NOT NULL,
	`requested_department_id` integer,
	`department_id` integer,
	`status` text NOT NULL,
	`pseudonym` text NOT NULL,
	`receipt_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`publish_at` integer NOT NULL,
	`cosign_count` integer DEFAULT 0 NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`answer_due_at` integer,
	`overdue_since` integer,
	`waiting_since` integer,
	`first_answered_at` integer,
	`outcome_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_receiptHash_unique` ON `appeals` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `appeals_status_idx` ON `appeals` (`status`,`publish_at`);--> statement-breakpoint
CREATE INDEX `appeals_department_idx` ON `appeals` (`department_id`);--> statement-breakpoint
CREATE INDEX `appeals_due_idx` ON `appeals` (`answer_due_at`);--> statement-breakpoint
CREATE INDEX `appeals_created_idx` ON `appeals` (`created_at`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appeal_id` integer NOT NULL,
	`answer_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due_date` text NOT NULL,
	`due_at` integer NOT NULL,
	`outcome` text,
	`outcome_text` text,
	`outcome_at` integer,
	`outcome_staff_id` integer,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answer_id`) REFERENCES `appeal_answers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outcome_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_appeal_idx` ON `commitments` (`appeal_id`);--> statement-breakpoint
CREATE INDEX `commitments_open_idx` ON `commitments` (`outcome`,`due_at`);--> statement-breakpoint
CREATE TABLE `deadline_misses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`appeal_id` integer NOT NULL,
	`department_id` integer,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deadline_misses_ref_unique` ON `deadline_misses` (`ref`);--> statement-breakpoint
CREATE INDEX `deadline_misses_department_idx` ON `deadline_misses` (`department_id`);--> statement-breakpoint
CREATE TABLE `log_checkpoints` (
	`size` integer PRIMARY KEY NOT NULL,
	`head` text NOT NULL,
	`at` integer NOT NULL,
	`kid` text NOT NULL,
	`jws` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `log_entries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`item_type` text,
	`item_id` integer,
	`actor_role` text,
	`actor_username` text,
	`at` integer NOT NULL,
	`data` text NOT NULL,
	`prev_hash` text,
	`hash` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_entries_commit_idx` ON `log_entries` (`item_type`,`item_id`) WHERE kind = 'text.commit';--> statement-breakpoint
CREATE INDEX `log_entries_item_idx` ON `log_entries` (`item_type`,`item_id`);--> statement-breakpoint
CREATE INDEX `log_entries_unsealed_idx` ON `log_entries` (`hash`);--> statement-breakpoint
CREATE TABLE `log_keys` (
	`generation` integer PRIMARY KEY NOT NULL,
	`kid` text NOT NULL,
	`public_jwk` text NOT NULL,
	`private_key_sealed` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_keys_kid_unique` ON `log_keys` (`kid`);--> statement-breakpoint
CREATE TABLE `text_commitments` (
	`item_type` text NOT NULL,
	`item_id` integer NOT NULL,
	`salt` text NOT NULL,
	`commitment` text NOT NULL,
	`fields` text NOT NULL,
	`publish_at` integer NOT NULL,
	`withheld` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`item_type`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `text_commitments_publish_idx` ON `text_commitments` (`publish_at`);--> statement-breakpoint
CREATE TABLE `forum_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`body` text NOT NULL,
	`pseudonym` text NOT NULL,
	`receipt_hash` text NOT NULL,
	`by_starter` integer DEFAULT false NOT NULL,
	`quote_reply_id` integer,
	`created_at` integer NOT NULL,
	`publish_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `forum_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`quote_reply_id`) REFERENCES `forum_replies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forum_replies_receiptHash_unique` ON `forum_replies` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `forum_replies_thread_idx` ON `forum_replies` (`thread_id`,`id`);--> statement-breakpoint
CREATE TABLE `forum_threads` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`pseudonym` text NOT NULL,
	`receipt_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`publish_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forum_threads_receiptHash_unique` ON `forum_threads` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `forum_threads_publish_idx` ON `forum_threads` (`publish_at`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_type` text NOT NULL,
	`item_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `flags_item_idx` ON `flags` (`item_type`,`item_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `moderation_items` (
	`item_type` text NOT NULL,
	`item_id` integer NOT NULL,
	`state` text DEFAULT 'visible' NOT NULL,
	`open_weight` integer DEFAULT 0 NOT NULL,
	`open_flags` integer DEFAULT 0 NOT NULL,
	`open_since` integer,
	`reviewed_at` integer,
	`hidden_reason` text,
	`hidden_note` text,
	`hidden_at` integer,
	`hidden_by_role` text,
	`hidden_by_staff_id` integer,
	`contest_state` text,
	`contested_at` integer,
	`contest_statement` text,
	PRIMARY KEY(`item_type`, `item_id`),
	FOREIGN KEY (`hidden_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moderation_items_queue_idx` ON `moderation_items` (`open_weight`,`open_since`);--> statement-breakpoint
CREATE TABLE `notice_appeals` (
	`notice_id` integer NOT NULL,
	`appeal_id` integer NOT NULL,
	PRIMARY KEY(`notice_id`, `appeal_id`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_appeals_appeal_idx` ON `notice_appeals` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`department_id` integer NOT NULL,
	`decided_on` text NOT NULL,
	`attachments` text NOT NULL,
	`published_by` integer NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_department_idx` ON `notices` (`department_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `staff_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer,
	`appeal_id` integer NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_notifications_dedupeKey_unique` ON `staff_notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `staff_notifications_department_idx` ON `staff_notifications` (`department_id`,`at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`notification_id` integer NOT NULL,
	`webhook_id` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`last_attempt_at` integer,
	PRIMARY KEY(`notification_id`, `webhook_id`),
	FOREIGN KEY (`notification_id`) REFERENCES `staff_notifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer,
	`format` text NOT NULL,
	`url_sealed` text NOT NULL,
	`host` text NOT NULL,
	`secret_sealed` text,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`answer_days` integer DEFAULT 5 NOT NULL,
	`default_department_id` integer,
	FOREIGN KEY (`default_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_unique` ON `categories` (`slug`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`parent_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_slug_unique` ON `departments` (`slug`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`must_change_password` integer DEFAULT true NOT NULL,
	`totp_secret_sealed` text,
	`disabled_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `staff_departments` (
	`staff_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `department_id`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_sessions_staff_idx` ON `staff_sessions` (`staff_id`);--> statement-breakpoint
CREATE TABLE `survey_ballots` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`key_hash` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_ballots_once_idx` ON `survey_ballots` (`survey_id`,`key_hash`);--> statement-breakpoint
CREATE TABLE `survey_keys` (
	`survey_id` integer PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key_sealed` text NOT NULL,
	`ballot_salt` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_keys_keyId_unique` ON `survey_keys` (`key_id`);--> statement-breakpoint
CREATE TABLE `survey_nonces` (
	`survey_id` integer NOT NULL,
	`nonce` text NOT NULL,
	PRIMARY KEY(`survey_id`, `nonce`),
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`department_id` integer,
	`answers` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_responses_survey_idx` ON `survey_responses` (`survey_id`);--> statement-breakpoint
CREATE TABLE `survey_snapshots` (
	`survey_id` integer PRIMARY KEY NOT NULL,
	`response_count` integer NOT NULL,
	`results` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`department_id` integer,
	`questions` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`live_results` integer DEFAULT false NOT NULL,
	`k_threshold` integer DEFAULT 5 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`published_by` integer,
	`published_at` integer,
	`closed_by` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `surveys_published_idx` ON `surveys` (`published_at`,`closes_at`);