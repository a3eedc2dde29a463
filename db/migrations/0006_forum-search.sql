-- Custom migration (npx drizzle-kit generate --custom --name forum-search): the forum's full-text index,
-- the same two tables as the appeals' (0001_search.sql), written by the app in the batch that stores a post.
-- One row per published text: rowid = thread id for a thread, -(reply id) for a reply; thread_id groups
-- hits by thread. Trigram finds any substring of 3+ characters.
CREATE VIRTUAL TABLE `forum_search_trigram` USING fts5(thread_id UNINDEXED, title, body, tokenize = 'trigram');
--> statement-breakpoint
-- Every overlapping pair of letters/digits, space-separated, so 2-character words (住房, 通勤) match.
CREATE VIRTUAL TABLE `forum_search_bigram` USING fts5(thread_id UNINDEXED, title, body, tokenize = 'unicode61');
