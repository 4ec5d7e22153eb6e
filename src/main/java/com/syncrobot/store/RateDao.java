package com.syncrobot.store;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code labour_rates}; prices are two-decimal strings (see {@link RateStore}). */
interface RateDao {

  @SqlQuery("""
      SELECT labour_type, product_id, product_name, price_retail, unit
      FROM labour_rates
      """)
  @RegisterRecordMapper(StoredRate.class)
  List<StoredRate> all();

  @SqlUpdate("""
      INSERT INTO labour_rates (labour_type, product_id, product_name, price_retail, unit)
      VALUES (:labourType, :productId, :productName, :priceRetail, :unit)
      ON CONFLICT (labour_type) DO UPDATE SET
        product_id = excluded.product_id,
        product_name = excluded.product_name,
        price_retail = excluded.price_retail,
        unit = excluded.unit
      """)
  void upsert(@BindMethods StoredRate row);

  /** A row as stored. */
  record StoredRate(String labourType, long productId, String productName, String priceRetail, String unit) {}
}
