-- A moved service points to one of the configured places (issue 13); moved_to_fr/en keep its names as shown then.
ALTER TABLE service_states ADD COLUMN moved_to_place TEXT;
