-- PostgreSQL twin of db/sqlite/V4: the account's labour rate table, one Syncro product and price per labour
-- type, seeded with the domain brief's table; changed only by an admin with `rates set`. Money is a decimal
-- string with exactly two places, never a floating-point number.
CREATE TABLE labour_rates (
  labour_type  TEXT    NOT NULL PRIMARY KEY
    CHECK (labour_type IN ('remote', 'onsite', 'emergency', 'project', 'internal', 'travel', 'website')),
  product_id   BIGINT  NOT NULL CHECK (product_id > 0),
  product_name TEXT    NOT NULL CHECK (length(trim(product_name)) > 0),
  price_retail TEXT    NOT NULL CHECK (price_retail ~ '^[0-9]+\.[0-9][0-9]$'),
  unit         TEXT    NOT NULL CHECK (unit IN ('hour', 'trip'))
);

INSERT INTO labour_rates (labour_type, product_id, product_name, price_retail, unit) VALUES
  ('remote',    1190473, 'Labor - Remote Business',                   '150.00', 'hour'),
  ('onsite',      26118, 'Labor - Onsite Business',                   '175.00', 'hour'),
  ('emergency',   26184, 'Labor - Emergency or After Hours Business', '262.50', 'hour'),
  ('project',   9269129, 'Labor - Prepaid Project Labor',             '0.00',   'hour'),
  ('internal',  9269124, 'Labor - Internal Labor',                    '0.00',   'hour'),
  ('travel',      26117, 'Fee - Travel Time',                         '40.00',  'trip'),
  ('website',     68055, 'Labor - Website Labor',                     '150.00', 'hour');
