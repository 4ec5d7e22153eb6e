package com.syncrobot.syncro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Syncro's official OpenAPI document, read for checking what the client sends: path templates,
 * methods, query parameters and request body fields. The copy lives in {@code
 * src/test/resources/syncro/} with a note on where it came from.
 */
final class SwaggerSpec {
  private final JsonNode root;
  private final List<Template> templates = new ArrayList<>();

  /** A path template like {@code /tickets/{id}} with its matcher; more literal segments win. */
  record Template(String raw, String path, Pattern pattern, int literalSegments) {}

  /** One request as recorded by the fake server, with the path relative to the API base. */
  record Recorded(
      String method,
      String path,
      Set<String> queryNames,
      @Nullable JsonNode body,
      @Nullable String contentType) {}

  SwaggerSpec(JsonNode root) {
    this.root = root;
    root.path("paths")
        .fieldNames()
        .forEachRemaining(
            raw -> {
              // One path in the spec lacks its leading slash ("ticket_timers/{id}").
              String p = raw.startsWith("/") ? raw : "/" + raw;
              StringBuilder re = new StringBuilder("^");
              int literal = 0;
              for (String seg : p.substring(1).split("/")) {
                re.append('/');
                if (seg.startsWith("{") && seg.endsWith("}")) {
                  re.append("[^/]+");
                } else {
                  re.append(Pattern.quote(seg));
                  literal++;
                }
              }
              templates.add(
                  new Template(raw, p, Pattern.compile(re.append('$').toString()), literal));
            });
    templates.sort(Comparator.comparingInt(Template::literalSegments).reversed());
  }

  /** Where the copy kept in the repository sits on the test classpath; see SOURCES.md beside it. */
  static final String RESOURCE = "/syncro/swagger.json";

  static SwaggerSpec load(ObjectMapper mapper) throws IOException {
    try (InputStream in = SwaggerSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Syncro's swagger.json is missing from the test classpath: expected "
                + "src/test/resources"
                + RESOURCE);
      }
      return new SwaggerSpec(mapper.readTree(in));
    }
  }

  /** Returns the template the path belongs to, preferring literal segments over parameters. */
  Optional<Template> template(String path) {
    return templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
  }

  /**
   * Returns the spec's example body for a response (single {@code example} or the first of {@code
   * examples}).
   */
  Optional<JsonNode> example(String templateRaw, String method, String status) {
    JsonNode content = root.path("paths")
        .path(templateRaw)
        .path(method.toLowerCase(Locale.ROOT))
        .path("responses")
        .path(status)
        .path("content")
        .path("application/json");
    if (content.has("example") && !content.get("example").isNull()) {
      return Optional.of(content.get("example"));
    }
    JsonNode examples = content.path("examples");
    if (examples.isObject() && examples.size() > 0) {
      JsonNode value = examples.elements().next().path("value");
      return value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }
    return Optional.empty();
  }

  /**
   * Returns every way the request departs from the spec; {@code queryAllowed} and {@code
   * bodyAllowed} (keyed "METHOD /template") name the deliberate, documented exceptions.
   */
  List<String> violations(
      Recorded r, Set<String> queryAllowed, Map<String, Set<String>> bodyAllowed) {
    List<String> out = new ArrayList<>();
    String label = r.method() + " " + r.path();
    Optional<Template> t = template(r.path());
    if (t.isEmpty()) {
      out.add(label + ": path matches no template in the spec");
      return out;
    }
    JsonNode op = root.path("paths").path(t.get().raw()).path(r.method().toLowerCase(Locale.ROOT));
    if (op.isMissingNode()) {
      out.add(label + ": " + r.method() + " is not declared for " + t.get().path());
      return out;
    }
    String key = r.method() + " " + t.get().path();
    List<String> declaredQuery = new ArrayList<>();
    for (JsonNode params : List.of(root.path("paths").path(t.get().raw()).path("parameters"), op.path("parameters"))) {
      for (JsonNode p : params) {
        JsonNode param = resolve(p);
        if ("query".equals(param.path("in").asText())) {
          declaredQuery.add(param.path("name").asText());
        }
      }
    }
    for (String q : r.queryNames()) {
      if (!declaredQuery.contains(q)
          && !declaredQuery.contains(q + "[]")
          && !queryAllowed.contains(q)) {
        out.add(
            key
                + ": query parameter '"
                + q
                + "' is not declared (declared: "
                + declaredQuery
                + ")");
      }
    }
    if (r.body() != null) {
      JsonNode requestBody = resolve(op.path("requestBody"));
      JsonNode json = requestBody.path("content").path("application/json");
      if (json.isMissingNode()) {
        out.add(key + ": sends a JSON body but the spec declares no application/json request body");
        return out;
      }
      if (r.contentType() == null
          || !r.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
        out.add(key + ": body sent without Content-Type: application/json");
      }
      checkFields(
          key,
          "",
          r.body(),
          resolve(json.path("schema")),
          bodyAllowed.getOrDefault(key, Set.of()),
          out);
    }
    return out;
  }

  private void checkFields(
      String key,
      String prefix,
      JsonNode body,
      JsonNode schema,
      Set<String> allowed,
      List<String> out) {
    if (!body.isObject()) {
      return;
    }
    JsonNode props = schema.path("properties");
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = prefix + field.getKey();
      JsonNode declared = props.get(field.getKey());
      if (declared == null) {
        if (!allowed.contains(name)) {
          out.add(
              key
                  + ": body field '"
                  + name
                  + "' is not declared (declared: "
                  + fieldNames(props)
                  + ")");
        }
        continue;
      }
      JsonNode s = resolve(declared);
      JsonNode value = field.getValue();
      // Nested objects are checked only where the spec lists their fields; "properties": {} is
      // free-form.
      if (value.isObject() && s.path("properties").size() > 0) {
        checkFields(key, name + ".", value, s, allowed, out);
      } else if (value.isArray() && resolve(s.path("items")).path("properties").size() > 0) {
        for (JsonNode item : value) {
          checkFields(key, name + "[].", item, resolve(s.path("items")), allowed, out);
        }
      }
    }
  }

  private static List<String> fieldNames(JsonNode props) {
    List<String> names = new ArrayList<>();
    props.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode resolve(JsonNode n) {
    JsonNode cur = n;
    for (int i = 0; i < 10 && cur.has("$ref"); i++) {
      String ref = cur.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("external $ref not supported: " + ref);
      }
      cur = root.at(ref.substring(1));
    }
    return cur;
  }
}
