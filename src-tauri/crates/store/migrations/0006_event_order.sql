-- A plan's events in their order: appending an event (max(position)) and reading the outline
-- are index lookups, not scans of the plan, so writing a 20 000-event plan stays linear.
CREATE INDEX event_order ON event(plan_id, position);
