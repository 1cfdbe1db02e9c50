-- Contents taken from a queue (Kafka intake): one row per SHA-256, written in the same transaction
-- as the submission the content ended as. The primary key is the guarantee that a content is
-- recorded once however often the queue delivers it (after a worker was killed before it
-- acknowledged, or while two workers briefly held the same partition): the second writer's
-- insert fails on it and its whole transaction is rolled back. Version 3: version 2 is the
-- dashboard's migration.
CREATE TABLE delivered (
    sha256          VARCHAR(64) PRIMARY KEY,
    submission_id   BIGINT NOT NULL REFERENCES submission (id)
);
