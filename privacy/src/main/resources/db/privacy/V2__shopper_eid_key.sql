-- The identity key from which a shopper app derives its rotating broadcast identifiers
-- (Eddystone-EID computation), sealed with the master key ("v1:..."); never stored in clear.
ALTER TABLE privacy_shopper ADD COLUMN eid_key_sealed VARCHAR(200) NULL;
