-- The request of the incident each reservation and waiting request answers (PlaceVm.RequestId): a redelivered request
-- gets the same answer, a new request of the same incident (after a failed restart) is decided anew.
ALTER TABLE reservations ADD COLUMN request_id TEXT;
ALTER TABLE waiting_requests ADD COLUMN request_id TEXT;
