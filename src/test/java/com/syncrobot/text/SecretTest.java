package com.syncrobot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one list of secret shapes that comments refuse and logs mask (R8, R11). */
final class SecretTest {

  @Test
  void everyShape_isFoundInItsSample_andNamedByIt() {
    Map<Secret, SecretSamples.Sample> samples = SecretSamples.all();
    assertThat(samples.keySet()).containsExactly(Secret.values());
    samples.forEach((shape, sample) -> assertThat(Secret.find(sample.text(), true)).as(shape.name()).contains(shape));
  }

  @Test
  void everyShape_isRedactedWithoutItsValue() {
    SecretSamples.all().forEach((shape, sample) -> assertThat(Secret.redact(sample.text())).as(shape.name())
        .contains("***").doesNotContain(sample.value()));
  }

  @Test
  void passwords_countOnlyWhereTheCustomerReads_R8() {
    assertThat(Secret.find("The wifi password is Hunter2024", false)).isEmpty();
    assertThat(Secret.find("Old xoxb-1-2-abc", false)).contains(Secret.SLACK_TOKEN);
  }

  @Test
  void ordinaryWorkNotes_holdNoSecret() {
    for (String text : new String[] {"Reset John's password and unlocked his account.", "The token expired overnight.",
        "Authorization: approved by Jane", "Hugs and kisses, xoxo", "API key rotation is next week"}) {
      assertThat(Secret.find(text, true)).as(text).isEmpty();
      assertThat(Secret.redact(text)).isEqualTo(text);
    }
  }

  @Test
  void redact_keepsTheShapeReadable() {
    assertThat(Secret.redact("bot xoxb-1234-abc and {\"api_key\": \"a b\"}"))
        .isEqualTo("bot xoxb-*** and {\"api_key\": \"***\"}");
  }

  @Test
  void redact_aValueEndsAtAQuote_soJsonStaysJson() {
    assertThat(Secret.redact("{\"subject\":\"Wifi password:Hunter2024\",\"number\":1042}"))
        .isEqualTo("{\"subject\":\"Wifi password:***\",\"number\":1042}");
  }
}
