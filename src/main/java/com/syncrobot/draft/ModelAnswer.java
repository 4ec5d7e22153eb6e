package com.syncrobot.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;

/** Asks the model for a JSON object and insists on its required string fields. */
final class ModelAnswer {
  private ModelAnswer() {}

  /**
   * Returns the required fields of the model's answer, stripped.
   *
   * @throws OllamaException if the model is unavailable or a field is missing, blank or not a string
   */
  static Map<String, String> ask(OllamaClient client, String system, String user, List<String> fields) {
    ObjectNode answer = client.chatJson(system, user);
    Map<String, String> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String f : fields) {
      JsonNode v = answer.get(f);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        missing.add(f);
      } else {
        values.put(f, v.asText().strip());
      }
    }
    if (!missing.isEmpty()) {
      throw new OllamaException(OllamaException.Reason.MISSING_FIELDS,
          "the model's answer lacked " + String.join(", ", missing));
    }
    return values;
  }

  /**
   * Returns what {@code drafted} makes of the model's answer or, if the model fails, logs that
   * {@code what} falls back to the notes and returns what {@code fallback} makes of the fallback note.
   */
  static <T> T draftOr(OllamaClient client, String system, String user, List<String> fields,
      Function<Map<String, String>, T> drafted, Function<String, T> fallback, Logger log, String what) {
    try {
      return drafted.apply(ask(client, system, user, fields));
    } catch (OllamaException e) {
      log.info("{} falls back to the notes: {}", what, e.getMessage());
      return fallback.apply(fallbackNote(e));
    }
  }

  static String byModelNote(OllamaClient client) {
    return "drafted by the language model (" + client.model() + "); the review checklist ran on it";
  }

  static String fallbackNote(OllamaException e) {
    return "drafted without the language model (" + e.getMessage() + "): the text is the technician's notes";
  }
}
