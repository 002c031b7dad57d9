-- A data version per municipality. Until now one sequence (metrics_data_version, migration 0007)
-- moved with every write anywhere, so in a region or a national deployment one coordinator's note
-- in one municipality made every other municipality's dashboard snapshot, cached figures and kept
-- worklists out of date, and the server's warm-up recomputed every municipality's snapshot (13-15 s
-- each at 200 000 people) whenever anything had been written anywhere.
--
-- Now every write statement also moves the sequence of each municipality whose rows it wrote,
-- found from the statement's transition tables (the rows themselves, or their participant, sfi
-- group, outcome or plan). A sequence takes no lock, so concurrent writers never wait on each other
-- for it, as before. A municipality's sequence is made when the municipality is (or at its first
-- write), starting above the global sequence, so its numbers never repeat one stored in
-- metric_snapshots or metric_cache before. TRUNCATE (tests only) moves every sequence. The global
-- sequence still moves with every write.
CREATE OR REPLACE FUNCTION metrics_version_sequence(m uuid) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ select 'metrics_data_version_' || replace(m::text, '-', '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_bump_municipality(m uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  s text := metrics_version_sequence(m);
BEGIN
  IF to_regclass(s) IS NULL THEN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', s, nextval('metrics_data_version'));
  END IF;
  PERFORM nextval(s);
END;
$$;
--> statement-breakpoint
-- The municipality's data version: 0 for one that was never written.
CREATE OR REPLACE FUNCTION metrics_data_version_of(m uuid) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  s text := metrics_version_sequence(m);
  v bigint;
BEGIN
  IF to_regclass(s) IS NULL THEN
    RETURN 0;
  END IF;
  EXECUTE format('select case when is_called then last_value else 0 end from %I', s) INTO v;
  RETURN v;
END;
$$;
--> statement-breakpoint
-- Every municipality's version moves (TRUNCATE, and a large statement whose rows find their
-- municipality through another table).
CREATE OR REPLACE FUNCTION metrics_bump_every_municipality() RETURNS void
LANGUAGE sql AS $$
  SELECT nextval(c.oid) FROM pg_class c
   WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'metrics\_data\_version\_%';
$$;
--> statement-breakpoint
-- The trigger functions, one per way a table's rows find their municipality and per event (a
-- trigger with transition tables fires on one event only). Their statements are static, so each
-- trigger's plans are made once per connection (dynamic SQL made them on every write: 0.3-1.1 ms a
-- statement). Rows that find their municipality through another table: a statement of more than
-- 1 000 of them (the import's plans and their history, 100 000 rows: 0.7 s of index lookups) moves
-- every municipality's version instead; a statement of rows with their own municipality column is
-- always exact (500 000 activities: 0.09 s).
DO $$
DECLARE
  k record;
  op record;
  src text;
  body text;
BEGIN
  FOR k IN SELECT * FROM (VALUES
    ('own', 'municipality_id', 'select distinct w.municipality_id from %s w', false),
    ('id', 'id', 'select distinct w.id from %s w', false),
    ('participant', 'participant_id', 'select distinct p.municipality_id from participants p where p.id in (select w.participant_id from %s w)', true),
    ('sfi_group', 'group_id', 'select distinct g.municipality_id from sfi_groups g where g.id in (select w.group_id from %s w)', true),
    ('outcome', 'outcome_id', 'select distinct o.municipality_id from outcomes o where o.id in (select w.outcome_id from %s w)', true),
    ('plan', 'plan_id', 'select distinct p.municipality_id from plans pl join participants p on p.id = pl.participant_id where pl.id in (select w.plan_id from %s w)', true)
  ) AS x(kind, col, finds, joined) LOOP
    FOR op IN SELECT * FROM (VALUES ('insert'), ('update'), ('delete')) AS y(name) LOOP
      src := CASE op.name
        WHEN 'insert' THEN 'new_rows'
        WHEN 'delete' THEN 'old_rows'
        ELSE format('(select %1$I from new_rows union all select %1$I from old_rows)', k.col)
      END;
      body := 'DECLARE m uuid; BEGIN PERFORM nextval(''metrics_data_version''); ';
      IF k.joined THEN
        body := body || format('IF (select count(*) > 1000 from (select 1 from %s w limit 1001) c) THEN PERFORM metrics_bump_every_municipality(); RETURN NULL; END IF; ', src);
      END IF;
      body := body || format('FOR m IN %s LOOP IF m IS NOT NULL THEN PERFORM metrics_bump_municipality(m); END IF; END LOOP; RETURN NULL; END;', format(k.finds, src));
      EXECUTE format('CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS %L', 'metrics_changed_' || k.kind || '_' || op.name, body);
    END LOOP;
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_data_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('metrics_data_version');
  PERFORM metrics_bump_every_municipality();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('municipalities', 'id'), ('units', 'own'), ('users', 'own'), ('participants', 'own'), ('activities', 'own'),
    ('followups', 'own'), ('outcomes', 'own'), ('sfi_groups', 'own'), ('employers', 'own'), ('openings', 'own'),
    ('consents', 'own'), ('reference_values', 'own'),
    ('plans', 'participant'), ('skill_mappings', 'participant'), ('signal_snoozes', 'participant'),
    ('sfi_enrolments', 'participant'), ('sfi_attendance', 'participant'), ('sfi_results', 'participant'),
    ('sfi_breaks', 'participant'),
    ('sfi_group_teachers', 'sfi_group'), ('outcome_history', 'outcome'), ('plan_revisions', 'plan')
  ) AS x(tab, kind) LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t.tab || '_metrics_data_changed', t.tab);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t.tab || '_update_metrics_data_changed', t.tab);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t.tab || '_delete_metrics_data_changed', t.tab);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t.tab || '_metrics_data_truncated', t.tab);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      t.tab || '_metrics_data_changed', t.tab, 'metrics_changed_' || t.kind || '_insert');
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      t.tab || '_update_metrics_data_changed', t.tab, 'metrics_changed_' || t.kind || '_update');
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      t.tab || '_delete_metrics_data_changed', t.tab, 'metrics_changed_' || t.kind || '_delete');
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_truncated()', t.tab || '_metrics_data_truncated', t.tab);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The function of migration 0007 is no longer used.
DROP FUNCTION IF EXISTS metrics_data_changed();
--> statement-breakpoint
SELECT metrics_bump_municipality(id) FROM municipalities;
