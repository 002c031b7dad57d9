-- Which municipality a write in progress is of. A figure computed while a writer has taken its
-- number (migration 0015) but not yet committed does not see its rows, so it is trusted for
-- seconds only (lib/metrics/cache.ts). Such a writer was seen by its table lock, so a write in
-- progress anywhere made every municipality's new figures untrusted; in a region someone is
-- writing most of the time. Now a writer of a municipality's rows holds a shared
-- transaction-level advisory lock on the municipality's key (class 20260015, the key the hash of
-- its id; 0 for every municipality) from before it moves the version until it commits, and
-- metrics_writer_busy looks for the municipality's key and the key for all. Shared locks never
-- wait for each other; nothing takes these keys exclusively.
CREATE OR REPLACE FUNCTION metrics_writer_key(m uuid) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ select hashtext(m::text) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_writer_busy(m uuid) RETURNS boolean
LANGUAGE sql AS $$
  select exists (select 1 from pg_locks l
    where l.locktype = 'advisory' and l.granted and l.pid <> pg_backend_pid() and l.objsubid = 2
      and l.classid = 20260015::oid
      and l.objid in (((metrics_writer_key(m)::bigint + 4294967296) % 4294967296)::oid, 0::oid))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_bump_municipality(m uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s text := metrics_version_sequence(m);
BEGIN
  -- The lock first: whoever sees the new version also sees that its writer has not committed.
  PERFORM pg_advisory_xact_lock_shared(20260015, metrics_writer_key(m));
  IF to_regclass(s) IS NULL THEN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', s, nextval('metrics_data_version'));
  END IF;
  PERFORM nextval(s);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_bump_every_municipality() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(20260015, 0);
  PERFORM nextval(c.oid) FROM pg_class c
   WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'metrics\_data\_version\_%';
END;
$$;
