DROP INDEX `commitments_appeal_idx`;--> statement-breakpoint
CREATE INDEX `commitments_appeal_idx` ON `commitments` (`appeal_id`,`outcome`,`due_at`);--> statement-breakpoint
CREATE INDEX `appeals_publish_idx` ON `appeals` (`publish_at`);--> statement-breakpoint
CREATE INDEX `appeals_cosign_idx` ON `appeals` (`cosign_count`);