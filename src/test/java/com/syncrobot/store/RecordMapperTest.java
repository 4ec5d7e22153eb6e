package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Rows mapped to records by {@link RegisterRecordMapper}: matched once per column list, never mixed up. */
final class RecordMapperTest {
  record Person(long id, String name, @Nullable String note) {}

  @RegisterRecordMapper(Person.class)
  interface People {
    @SqlQuery("SELECT 1 AS id, 'Ada' AS name, 'first' AS note UNION ALL SELECT 2, 'Bo', NULL")
    List<Person> all();

    @SqlQuery("SELECT 'first' AS note, 'Ada' AS name, 1 AS id")
    Person reordered();

    @SqlQuery("SELECT 3 AS id, 'Cy' AS name")
    Person withoutNote();
  }

  @Test
  void columnsInAnyOrderOrMissingANullableOne_eachListMatchedOnItsOwn_againAndAgain() {
    Jdbi jdbi = Jdbi.create("jdbc:sqlite::memory:").installPlugin(new SqlObjectPlugin());
    for (int i = 0; i < 3; i++) {
      People people = jdbi.onDemand(People.class);
      assertThat(people.all()).containsExactly(new Person(1, "Ada", "first"), new Person(2, "Bo", null));
      assertThat(people.reordered()).isEqualTo(new Person(1, "Ada", "first"));
      assertThat(people.withoutNote()).isEqualTo(new Person(3, "Cy", null));
    }
  }

  @Test
  void oneMapperPerRecord_sharedByEveryDao() {
    assertThat(RecordMapper.of(Person.class)).isSameAs(RecordMapper.of(Person.class));
  }
}
