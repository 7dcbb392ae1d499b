-- A petition the province sends back down to the commune (within the commune's authority after all): when, and why.
ALTER TABLE petition ADD COLUMN transferred_down_on DATE;
ALTER TABLE petition ADD COLUMN transfer_down_reason VARCHAR(500);
