-- Privacy: when a visitor's personal data was removed after the retention period.
ALTER TABLE appointments ADD COLUMN anonymised_at INTEGER;
ALTER TABLE invitations ADD COLUMN anonymised_at INTEGER;
CREATE INDEX appointments_to_anonymise ON appointments(anonymised_at, start_at);
