-- The account's labour rate table (R5, R6): one Syncro product and price per labour type. Seeded with the
-- domain brief's table; an admin changes it with `rates set`, never the bot by itself (the live product price
-- is only compared, by `doctor`). Money is a decimal string with exactly two places, never REAL.
CREATE TABLE labour_rates (
  labour_type  TEXT    NOT NULL PRIMARY KEY
    CHECK (labour_type IN ('remote', 'onsite', 'emergency', 'project', 'internal', 'travel', 'website')),
  product_id   INTEGER NOT NULL CHECK (product_id > 0),
  product_name TEXT    NOT NULL CHECK (length(trim(product_name)) > 0),
  price_retail TEXT    NOT NULL
    CHECK (price_retail GLOB '[0-9]*.[0-9][0-9]' AND price_retail NOT GLOB '*[^0-9.]*'
           AND price_retail NOT GLOB '*.*.*'),
  unit         TEXT    NOT NULL CHECK (unit IN ('hour', 'trip'))
) STRICT;

INSERT INTO labour_rates (labour_type, product_id, product_name, price_retail, unit) VALUES
  ('remote',    1190473, 'Labor - Remote Business',                   '150.00', 'hour'),
  ('onsite',      26118, 'Labor - Onsite Business',                   '175.00', 'hour'),
  ('emergency',   26184, 'Labor - Emergency or After Hours Business', '262.50', 'hour'),
  ('project',   9269129, 'Labor - Prepaid Project Labor',             '0.00',   'hour'),
  ('internal',  9269124, 'Labor - Internal Labor',                    '0.00',   'hour'),
  ('travel',      26117, 'Fee - Travel Time',                         '40.00',  'trip'),
  ('website',     68055, 'Labor - Website Labor',                     '150.00', 'hour');
