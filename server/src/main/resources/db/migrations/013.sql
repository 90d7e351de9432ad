-- Companions (accompagnateurs: an interpreter, a lawyer, a parent) who enter with a visitor: counted on the
-- visitor's admitted entry, and closed by the visitor's exit (the exit carries the same number).
ALTER TABLE scans ADD COLUMN companions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ind_scans ADD COLUMN companions INTEGER NOT NULL DEFAULT 0;
