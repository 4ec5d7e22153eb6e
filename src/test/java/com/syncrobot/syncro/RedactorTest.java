package com.syncrobot.syncro;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.text.SecretSamples;
import org.junit.jupiter.api.Test;

final class RedactorTest {

  @Test
  void apiKeyQueryParameter_isMasked_R11() {
    assertThat(
        Redactor.redact(
            "GET https://acme.syncromsp.com/api/v1/tickets?api_key=T123-abc&page=2"))
        .isEqualTo("GET https://acme.syncromsp.com/api/v1/tickets?api_key=***&page=2");
  }

  @Test
  void apiKeyAtEndOrBeforeWhitespaceOrQuote_isMaskedUpToTheDelimiter_R11() {
    assertThat(Redactor.redact("/me?api_key=secret")).isEqualTo("/me?api_key=***");
    assertThat(Redactor.redact("url=/me?api_key=secret next"))
        .isEqualTo("url=/me?api_key=*** next");
    assertThat(Redactor.redact("\"/me?api_key=secret\"")).isEqualTo("\"/me?api_key=***\"");
    assertThat(Redactor.redact("'/me?API_KEY=secret'")).isEqualTo("'/me?API_KEY=***'");
  }

  @Test
  void apiKeyJsonMember_isMasked_R11() {
    assertThat(Redactor.redact("{\"timer_entry_id\":5,\"api_key\":\"secret\"}"))
        .isEqualTo("{\"timer_entry_id\":5,\"api_key\":\"***\"}");
  }

  @Test
  void authorizationHeaderValue_isMasked_R11() {
    assertThat(Redactor.redact("Authorization: Bearer T123-abc\nAccept: application/json"))
        .isEqualTo("Authorization: ***\nAccept: application/json");
    assertThat(Redactor.redact("{\"Authorization\":\"Bearer x\"}"))
        .isEqualTo("{\"Authorization\":\"***\"}");
  }

  @Test
  void slackTokens_areMasked_R11() {
    assertThat(Redactor.redact("bot xoxb-1234-5678-abcDEF user xoxp-9-8-7 app xapp-1-A0-123-abc"))
        .isEqualTo("bot xoxb-*** user xoxp-*** app xapp-***");
  }

  @Test
  void everyShapeCommentsRefuse_isMaskedToo_R11() {
    SecretSamples.all().forEach((shape, sample) -> assertThat(Redactor.redact(sample.text())).as(shape.name())
        .contains("***").doesNotContain(sample.value()));
  }

  @Test
  void textWithoutSecrets_isUnchanged() {
    String s = "POST /tickets/5/comment -> 422: Body can't be blank";
    assertThat(Redactor.redact(s)).isEqualTo(s);
  }

  @Test
  void literalTokenValue_isRemovedEvenOutsideAParameter_R11() {
    SyncroToken token = new SyncroToken("T0abc-verysecret");
    assertThat(Redactor.redact("Invalid key T0abc-verysecret given", token))
        .isEqualTo("Invalid key *** given");
  }
}
