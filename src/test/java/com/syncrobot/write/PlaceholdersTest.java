package com.syncrobot.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.syncro.SyncroWrite;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class PlaceholdersTest {
  @Test
  void resolve_wholeStringBecomesNumber_embeddedTextIsReplaced() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("invoice_id", "{{step:0}}");
    body.put("note", "invoice {{step:0}} for line {{step:1}}");
    body.putArray("ids").add("{{step:1}}");
    SyncroWrite write = new SyncroWrite("PUT", "/invoices/{{step:0}}", body, "/invoice/id");

    SyncroWrite resolved = Placeholders.resolve(write, i -> Optional.of(i == 0 ? 700L : 800L));

    assertThat(resolved.path()).isEqualTo("/invoices/700");
    assertThat(resolved.body().toString())
        .isEqualTo("{\"invoice_id\":700,\"note\":\"invoice 700 for line 800\",\"ids\":[800]}");
    // the planned request is left as it was
    assertThat(write.body().get("invoice_id").asText()).isEqualTo("{{step:0}}");
  }

  @Test
  void resolve_stepWithoutId_throwsNamingTheStep() {
    SyncroWrite write = new SyncroWrite("DELETE", "/invoices/{{step:2}}", null, null);

    assertThatThrownBy(() -> Placeholders.resolve(write, i -> Optional.empty()))
        .isInstanceOf(Placeholders.UnresolvedPlaceholderException.class)
        .hasMessageContaining("{{step:2}}");
  }

  @Test
  void referencedSteps_findsPathAndBodyReferences() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("a", "{{step:3}}");
    SyncroWrite write = new SyncroWrite("POST", "/x/{{step:1}}", body, null);

    assertThat(Placeholders.referencedSteps(write)).containsExactly(1, 3);
  }

  @Test
  void planStep_referringToItselfOrLater_refused() {
    SyncroWrite write = new SyncroWrite("PUT", "/invoices/{{step:1}}", null, null);

    assertThatThrownBy(() -> Plans.base(Plans.OWNER)
        .step("Create invoice", Plans.commentWrite(), Plans.commentCheck())
        .step("Fix invoice", write, new Check.None("look at the invoice"))
        .build(java.time.Instant.EPOCH, Plans.TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an earlier step");
  }
}
