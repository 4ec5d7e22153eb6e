package com.syncrobot.store;

import java.lang.annotation.Annotation;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.SimpleExtensionConfigurer;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.RowMappers;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * jdbi's {@link ConstructorMapper} for a record, with its work per query done once per column list: matching
 * the columns to the constructor's parameters reads their annotations and generic types by reflection (in a
 * profile of a burst, 8 % of the bot's CPU samples). What it matches depends only on the column names (and the
 * bot's one jdbi configuration), so the matched mapper is kept per list of column names.
 * Thread-safe.
 */
public final class RecordMapper<T> implements RowMapper<T> {
  /** One mapper per record, shared by every DAO and store that maps it. */
  private static final Map<Class<?>, RecordMapper<?>> MAPPERS = new ConcurrentHashMap<>();

  private final RowMapper<T> constructor;
  private final Map<List<String>, RowMapper<T>> matched = new ConcurrentHashMap<>();

  private RecordMapper(Class<T> type) {
    this.constructor = ConstructorMapper.of(type);
  }

  @SuppressWarnings("unchecked") // MAPPERS holds a RecordMapper<T> under each Class<T>
  public static <T> RecordMapper<T> of(Class<T> type) {
    return (RecordMapper<T>) MAPPERS.computeIfAbsent(type, t -> new RecordMapper<>(type));
  }

  @Override
  public T map(ResultSet rs, StatementContext ctx) throws SQLException {
    return specialize(rs, ctx).map(rs, ctx);
  }

  @Override
  public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
    List<String> columns = columns(rs.getMetaData());
    RowMapper<T> known = matched.get(columns);
    if (known != null) {
      return known;
    }
    RowMapper<T> made = constructor.specialize(rs, ctx);
    RowMapper<T> raced = matched.putIfAbsent(columns, made);
    return raced == null ? made : raced;
  }

  private static List<String> columns(ResultSetMetaData meta) throws SQLException {
    int n = meta.getColumnCount();
    List<String> names = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add(meta.getColumnLabel(i));
    }
    return List.copyOf(names);
  }

  /** Registers the mappers of {@link RegisterRecordMapper} (one, or several in its list) on a DAO. */
  public static final class Configurer extends SimpleExtensionConfigurer {
    private final List<RowMapperFactory> factories = new ArrayList<>();

    public Configurer(Annotation annotation) {
      RegisterRecordMapper[] each = annotation instanceof RegisterRecordMapper.List list ? list.value()
          : new RegisterRecordMapper[] {(RegisterRecordMapper) annotation};
      for (RegisterRecordMapper r : each) {
        factories.add(RowMapperFactory.of(r.value(), of(r.value())));
      }
    }

    @Override
    public void configure(ConfigRegistry config, Annotation annotation, Class<?> extensionType) {
      RowMappers mappers = config.get(RowMappers.class);
      factories.forEach(mappers::register);
    }
  }
}
