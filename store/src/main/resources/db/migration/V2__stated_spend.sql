-- The clinic's spend before the visit in each KX bucket as the visit stated it (patient.yearToDate), when it did:
-- a later visit's spend from the store starts from it (the clinic's visits before the store held them) and adds the
-- stored visits after it. NULL when the visit did not state the bucket (the store's own sum was used).
ALTER TABLE visit_spend ADD COLUMN stated_before DECIMAL(12, 2);
