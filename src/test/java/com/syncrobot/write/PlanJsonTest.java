package com.syncrobot.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.syncro.TicketId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PlanJsonTest {
  @Test
  void everyCheckKind_roundTripsThroughJsonWithTypeField() {
    List<Check> checks = List.of(
        new Check.CommentExists(new TicketId(9001), "Update", "a<br>b", List.of(17L, 4L)),
        new Check.TicketFieldsAre(new TicketId(9001), Map.of("status", "Resolved", "priority", "2 Normal")),
        new Check.None("look at the appointment in Syncro"));

    for (Check check : checks) {
      String json = PlanJson.writeCheck(check);
      assertThat(PlanJson.readCheck(json)).isEqualTo(check);
    }
    assertThat(PlanJson.writeCheck(checks.get(0))).isEqualTo("{\"type\":\"comment_exists\",\"ticket\":9001,"
        + "\"subject\":\"Update\",\"body\":\"a<br>b\",\"knownBefore\":[4,17]}");
  }

  @Test
  void commentCheckStoredBeforeCommentIds_readsWithoutThem() {
    // a plan stored before the ticket's comment ids were recorded keeps the time rule
    assertThat(PlanJson.readCheck("{\"type\":\"comment_exists\",\"ticket\":9001,\"subject\":\"Update\","
        + "\"body\":\"a<br>b\"}")).isEqualTo(new Check.CommentExists(new TicketId(9001), "Update", "a<br>b", null));
  }

  @Test
  void everyPermittedCheck_hasAStableTypeName() {
    // the stored "type" must not silently change with a class rename
    for (Class<?> kind : Check.class.getPermittedSubclasses()) {
      assertThat(kind.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class))
          .as(kind.getSimpleName())
          .isNotNull();
    }
  }
}
