-- Custom migration (npx drizzle-kit generate --custom --name search): drizzle-kit cannot declare FTS5
-- virtual tables or triggers, so they live here and are pasted into that migration after regenerating.
-- Both FTS tables hold NFKC-normalised, lower-cased text written in the same batch as the appeal.
-- Trigram finds any substring of 3+ characters (Chinese phrases, "G1234", "KPI考核").
CREATE VIRTUAL TABLE `appeal_search_trigram` USING fts5(title, body, tokenize = 'trigram');
--> statement-breakpoint
-- Every overlapping pair of letters/digits, space-separated, so 2-character words (住房, 通勤, 5G) match
-- without a dictionary (Intl.Segmenter splits some domain words into single characters).
CREATE VIRTUAL TABLE `appeal_search_bigram` USING fts5(title, body, tokenize = 'unicode61');
--> statement-breakpoint
-- 不改动: a worker's words are never edited, whatever code path tries.
CREATE TRIGGER `appeals_text_immutable` BEFORE UPDATE OF `title`, `body` ON `appeals`
BEGIN SELECT RAISE(ABORT, 'appeal text is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `appeal_answers_append_only` BEFORE UPDATE ON `appeal_answers`
BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `commitments_outcome_final` BEFORE UPDATE ON `commitments` WHEN OLD.`outcome` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a commitment outcome is final'); END;
