-- The screens' calls strip reads each ticket's latest call (issue 13).
CREATE INDEX calls_by_ticket ON calls(ticket_id, id);
