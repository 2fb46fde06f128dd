-- Today's schema (before bot/migrations.py), made by the table-creating code of main at 6445433, with invented rows.
-- Timestamps as that code wrote them: ISO text with +00:00 (seconds or ms), epoch REAL in fetch_cache and chain_seen.
CREATE TABLE "checks" (
   "id" INTEGER PRIMARY KEY,
   "created_at" TEXT,
   "channel" TEXT,
   "user" TEXT,
   "message_ts" TEXT,
   "reply_ts" TEXT,
   "thread_ts" TEXT,
   "link" TEXT,
   "source" TEXT,
   "ok" INTEGER,
   "error" TEXT,
   "outlet_name" TEXT,
   "outlet_kind" TEXT,
   "original_name" TEXT,
   "reuse_category" TEXT,
   "license_id" TEXT,
   "result_json" TEXT
);
CREATE TABLE slack_jobs (id integer primary key, kind text not null, key text not null unique, payload text not null, status text not null default 'pending', attempts integer not null default 0, error text, created_at text not null, updated_at text not null);
CREATE TABLE slack_events (event_id text primary key, received_at text not null);
CREATE TABLE slack_channels (channel text primary key, muted integer not null default 0, introduced integer not null default 0, updated_at text not null, changed_by text);
CREATE TABLE slack_replies (channel text not null, message_ts text not null, thread_ts text not null, links text not null, reply_ts text, check_ids text not null default '[]', updated_at text not null, primary key (channel, message_ts));
CREATE TABLE slack_recent_links (id integer primary key, channel text not null, link_key text not null, check_id integer, message_ts text not null, thread_ts text not null, reply_ts text, created_at text not null);
CREATE TABLE "digest_schedules" (
   "channel" TEXT PRIMARY KEY,
   "clock" TEXT,
   "zone" TEXT,
   "off" INTEGER,
   "updated_at" TEXT,
   "updated_by" TEXT
);
CREATE TABLE "digest_sent" (
   "channel" TEXT,
   "local_date" TEXT,
   "status" TEXT,
   "attempts" INTEGER,
   "claimed_at" TEXT,
   "finished_at" TEXT,
   "message_ts" TEXT,
   "detail" TEXT,
   PRIMARY KEY ("channel", "local_date")
);
CREATE TABLE "fetch_cache" (
   "url" TEXT PRIMARY KEY,
   "final_url" TEXT,
   "status" INTEGER,
   "content_type" TEXT,
   "text" TEXT,
   "is_html" INTEGER,
   "warnings" TEXT,
   "etag" TEXT,
   "last_modified" TEXT,
   "fetched_at" REAL,
   "max_age" REAL
);
CREATE TABLE "chain_seen" (
   "id" TEXT PRIMARY KEY,
   "url" TEXT NOT NULL,
   "team_id" TEXT,
   "title" TEXT,
   "outlet" TEXT,
   "place" TEXT,
   "checked_at" REAL,
   "words" INTEGER,
   "text" TEXT NOT NULL
);
CREATE VIRTUAL TABLE "chain_seen_fts" USING FTS5 (
    "text",
    tokenize='unicode61 remove_diacritics 2',
    content="chain_seen"
);
CREATE INDEX "idx_checks_channel_created_at"
    ON "checks" ("channel", "created_at");
CREATE INDEX "idx_checks_user_created_at"
    ON "checks" ("user", "created_at");
CREATE INDEX slack_recent_links_lookup on slack_recent_links (channel, link_key, created_at);
CREATE INDEX "idx_chain_seen_checked_at"
    ON "chain_seen" ("checked_at");
CREATE TRIGGER "chain_seen_ai" AFTER INSERT ON "chain_seen" BEGIN
  INSERT INTO "chain_seen_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "chain_seen_ad" AFTER DELETE ON "chain_seen" BEGIN
  INSERT INTO "chain_seen_fts" ("chain_seen_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "chain_seen_au" AFTER UPDATE ON "chain_seen" BEGIN
  INSERT INTO "chain_seen_fts" ("chain_seen_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "chain_seen_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
INSERT INTO "checks" VALUES(1,'2026-06-01T08:30:00+00:00','C0DESK','U0ALICE','1780302600.000100',NULL,NULL,'https://news.example/a','message',0,'could not read the page (HTTP 404)',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "checks" VALUES(2,'2026-11-30T09:15:30+00:00','C0DESK','U0BOB','1795770930.000200','1795770931.000300','1795770930.000200','https://news.example/b','message',0,'timed out',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "checks" VALUES(3,'2026-11-30T09:15:30+00:00',NULL,NULL,NULL,NULL,NULL,NULL,'cli',0,'empty text',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "slack_jobs" VALUES(1,'message','C0DESK:1795770930.000200','{"channel": "C0DESK", "ts": "1795770930.000200"}','pending',0,NULL,'2026-12-02T10:34:45.260+00:00','2026-12-02T10:34:45.260+00:00');
INSERT INTO "slack_jobs" VALUES(2,'message','C0DESK:1780302600.000100','{"channel": "C0DESK", "ts": "1780302600.000100"}','done',1,NULL,'2026-12-02T10:34:45.261+00:00','2026-12-02T10:34:45.265+00:00');
INSERT INTO "slack_events" VALUES('Ev0001','2026-12-02T10:34:45+00:00');
INSERT INTO "slack_events" VALUES('Ev0000','2026-12-02T10:34:45+00:00');
INSERT INTO "slack_channels" VALUES('C0DESK',0,0,'2026-12-02T10:34:45+00:00',NULL);
INSERT INTO "slack_channels" VALUES('C0QUIET',1,0,'2026-12-02T10:34:45+00:00','U0ALICE');
INSERT INTO "slack_replies" VALUES('C0DESK','1795770930.000200','1795770930.000200','["https://news.example/b"]','1795770931.000300','[2]','2026-12-02T10:34:45.265427+00:00');
INSERT INTO "slack_recent_links" VALUES(1,'C0DESK','news.example/b',2,'1795770930.000200','1795770930.000200','1795770931.000300','2026-11-30T09:15:30.250000+00:00');
INSERT INTO "digest_schedules" VALUES('C0DESK','08:30','Europe/Paris',0,'2026-06-01T08:30:00+00:00','U0ALICE');
INSERT INTO "digest_sent" VALUES('C0DESK','2026-11-29','sent',1,'2026-11-29T07:30:00+00:00','2026-11-29T07:30:01+00:00','1795678201.000100',NULL);
INSERT INTO "digest_sent" VALUES('C0DESK','2026-11-30','claimed',1,'2026-11-30T09:15:30+00:00',NULL,NULL,NULL);
INSERT INTO "fetch_cache" VALUES('https://news.example/b','https://news.example/b',200,'text/html','<html><p>An invented page.</p></html>',1,'["slow"]',NULL,NULL,1780302600.0,600.0);
INSERT INTO "chain_seen" VALUES('00000000000000000000000000000000','https://news.example/b',NULL,'An invented headline','{"name": "Example News", "kind": "publisher"}','#desk',1780302600.0,41,'invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented invented');
