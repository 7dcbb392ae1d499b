-- The body that issues a unit's official documents, as it prints at their top: its name under its superior
-- ("TỈNH ỦY QUẢNG NINH" over "BAN DÂN VẬN"), whether it is a Party organ (Hướng dẫn 36-HD/VPTW layout) or a
-- state body (Nghị định 30/2020 layout), the abbreviation in document numbers and the signer's title.
-- Null while nobody configured it: the code then uses the defaults of its level (AdminUnit.issuingBody()).
ALTER TABLE admin_unit ADD COLUMN issuer_name VARCHAR(150);
ALTER TABLE admin_unit ADD COLUMN issuer_superior VARCHAR(150);
ALTER TABLE admin_unit ADD COLUMN issuer_kind VARCHAR(10);
ALTER TABLE admin_unit ADD COLUMN issuer_abbreviation VARCHAR(20);
ALTER TABLE admin_unit ADD COLUMN issuer_signer VARCHAR(150);
