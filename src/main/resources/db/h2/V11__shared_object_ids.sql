-- Shared objects now include event tags and notes, whose ids name the event (log group up to 512 characters, event
-- id, tag): 256 characters no longer hold every id. PostgreSQL's side is TEXT already.
ALTER TABLE shared_objects ALTER COLUMN id SET DATA TYPE VARCHAR(1024);
