package com.syncrobot.syncro.http;

import static com.syncrobot.syncro.http.ScriptedChain.TOKEN_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroUnavailableException;
import com.syncrobot.syncro.SyncroValidationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Status and failure → body or Syncro exception, without a network: what a read and a write each mean. */
final class ErrorMappingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ErrorMapping mapping = new ErrorMapping(MAPPER, MAPPER.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES));
  private final SyncroCall read = ScriptedChain.call(false);
  private final SyncroCall write = ScriptedChain.call(true);

  private static SyncroAnswer answer(int status, String body, String... headers) {
    return new SyncroAnswer(status, Headers.of(headers), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ok_givesTheBody_withMoneyExact() {
    JsonNode body = mapping.body(read, answer(200, "{\"price\": 150.50}"));

    assertThat(body.get("price").decimalValue()).hasToString("150.50");
  }

  @Test
  void noContent_givesAnEmptyObject() {
    assertThat(mapping.body(write, answer(204, "")).isEmpty()).isTrue();
  }

  @Test
  void status401And403_areAuth_404IsNotFound_otherFourHundredsAreValidation() {
    assertThat(catchThrowableOfType(SyncroAuthException.class, () -> mapping.body(read, answer(401, "")))
        .status()).isEqualTo(401);
    assertThat(catchThrowableOfType(SyncroAuthException.class, () -> mapping.body(write, answer(403, "")))
        .status()).isEqualTo(403);
    assertThat(catchThrowableOfType(SyncroNotFoundException.class, () -> mapping.body(write, answer(404, "{}"))))
        .hasMessage("POST /tickets/5/comment -> 404 not found");
    SyncroValidationException v = catchThrowableOfType(SyncroValidationException.class,
        () -> mapping.body(write, answer(422, "{\"errors\": {\"body\": [\"can't be blank\"]}}")));
    assertThat(v.syncroMessage()).isEqualTo("body: can't be blank");
    assertThat(catchThrowableOfType(SyncroValidationException.class, () -> mapping.body(read, answer(409, ""))))
        .hasMessage("GET /tickets/5 -> 409: Syncro refused the request (HTTP 409) without a message");
  }

  @Test
  void errorText_isRedactedAndTidied() {
    String body = "{\"error\": \"bad key " + TOKEN_VALUE + "\\n\\n   see api_key=" + TOKEN_VALUE + " "
        + "x".repeat(400) + "\"}";

    SyncroValidationException v = catchThrowableOfType(SyncroValidationException.class,
        () -> mapping.body(write, answer(422, body)));

    assertThat(v.syncroMessage()).doesNotContain(TOKEN_VALUE).startsWith("bad key *** see api_key=***")
        .hasSize(300).endsWith("…");
  }

  @Test
  void fourHundredBodyTooLong_countsAsNoMessage() {
    SyncroAnswer tooLong = new SyncroAnswer(422, Headers.of(), null);

    assertThat(catchThrowableOfType(SyncroValidationException.class, () -> mapping.body(write, tooLong))
        .syncroMessage()).isEqualTo("Syncro refused the request (HTTP 422) without a message");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 301, 302})
  void serverErrorsAndRedirects_areUnavailableForAReadAndAmbiguousForAWrite(int status) {
    assertThat(catchThrowableOfType(SyncroUnavailableException.class, () -> mapping.body(read, answer(status, ""))))
        .hasMessageStartingWith("GET /tickets/5 failed: ");
    SyncroAmbiguousWriteException w = catchThrowableOfType(SyncroAmbiguousWriteException.class,
        () -> mapping.body(write, answer(status, "")));
    assertThat(w.status()).isEqualTo(status);
    assertThat(w).hasMessageStartingWith("POST /tickets/5/comment outcome unknown: ");
  }

  @Test
  void okWithoutAReadableBody_isAmbiguousForAWrite() {
    assertThat(catchThrowableOfType(SyncroAmbiguousWriteException.class,
        () -> mapping.body(write, answer(200, "<html>ok</html>"))))
        .hasMessage("POST /tickets/5/comment outcome unknown: unparsable response body");
    assertThat(catchThrowableOfType(SyncroAmbiguousWriteException.class, () -> mapping.body(write, answer(201, " "))))
        .hasMessage("POST /tickets/5/comment outcome unknown: empty response body");
    assertThat(catchThrowableOfType(SyncroAmbiguousWriteException.class,
        () -> mapping.body(write, new SyncroAnswer(200, Headers.of(), null))))
        .hasMessage("POST /tickets/5/comment outcome unknown: response body too large");
    assertThat(catchThrowableOfType(SyncroUnavailableException.class, () -> mapping.body(read, answer(200, "nope"))))
        .hasMessage("GET /tickets/5 failed: unparsable response body");
  }

  @Test
  void connectionThatNeverOpened_isUnavailable_evenForAWrite_becauseNothingWasSent() {
    for (IOException e : new IOException[] {new ConnectException("refused"), new UnknownHostException("x")}) {
      assertThat(ErrorMapping.ioFailure(write, e)).isInstanceOf(SyncroUnavailableException.class)
          .hasMessage("POST /tickets/5/comment failed: could not connect; nothing was sent");
    }
  }

  @Test
  void brokenOrTimedOutAfterSending_isAmbiguousForAWrite_unavailableForARead() {
    assertThat(ErrorMapping.ioFailure(write, new SocketTimeoutException("timeout")))
        .isInstanceOf(SyncroAmbiguousWriteException.class)
        .hasMessage("POST /tickets/5/comment outcome unknown: timed out");
    assertThat(ErrorMapping.ioFailure(write, new SocketException("reset")))
        .isInstanceOf(SyncroAmbiguousWriteException.class)
        .hasMessage("POST /tickets/5/comment outcome unknown: connection failed (SocketException)");
    assertThat(ErrorMapping.ioFailure(read, new SocketException("reset")))
        .isInstanceOf(SyncroUnavailableException.class)
        .hasMessage("GET /tickets/5 failed: connection failed (SocketException)");
  }

  @Test
  void ioFailureCause_isARedactedCopy() {
    SyncroException e = ErrorMapping.ioFailure(write,
        new SocketException("reset at /tickets/5?api_key=" + TOKEN_VALUE));

    assertThat(e.getCause()).isNotInstanceOf(SocketException.class)
        .hasMessage("SocketException: reset at /tickets/5?api_key=***");
  }

  @Test
  void unreadable_isUnavailableWithStatus200() {
    SyncroUnavailableException e = ErrorMapping.unreadable("/tickets?page=2");

    assertThat(e.status()).isEqualTo(200);
    assertThat(e).hasMessage("GET /tickets?page=2 failed: unexpected response shape");
  }
}
