package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.SlackError;
import com.syncrobot.playground.slack.workspace.SlackJson;
import com.syncrobot.playground.slack.workspace.Team;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * File upload: the SDK's files.uploadV2 path (files.getUploadURLExternal, a POST of the bytes to
 * the returned URL, files.completeUploadExternal) and the legacy files.upload. A shared file
 * appears as a bot message in the channel, with the initial comment as its text.
 */
public record FileMethods(FileStore files, Conversations conv, Supplier<String> baseUrl) {
  void register(Map<String, ApiMethod> methods) {
    methods.put("files.getUploadURLExternal", this::uploadUrl);
    methods.put("files.completeUploadExternal", this::complete);
    methods.put("files.upload", this::legacyUpload);
  }

  private ObjectNode uploadUrl(ApiArgs p) {
    String name = p.required("filename");
    int length;
    try {
      length = Integer.parseInt(p.required("length"));
    } catch (NumberFormatException e) {
      throw new SlackError("invalid_arguments");
    }
    if (length <= 0) {
      throw new SlackError("invalid_arguments");
    }
    String id = files.reserve(name, length);
    return SlackJson.ok().put("upload_url", baseUrl.get() + "/upload/" + id).put("file_id", id);
  }

  private ObjectNode complete(ApiArgs p) {
    JsonNode list = p.json("files", "invalid_arguments").filter(JsonNode::isArray)
        .orElseThrow(() -> new SlackError("invalid_arguments"));
    List<FileStore.StoredFile> done = new ArrayList<>();
    for (JsonNode f : list) {
      String id = f.path("id").asText();
      FileStore.StoredFile stored = files.get(id).orElseThrow(() -> new SlackError("file_not_found"));
      if (stored.data() == null) {
        throw new SlackError("file_upload_not_completed");
      }
      if (f.hasNonNull("title")) {
        files.retitle(id, f.get("title").asText());
      }
      done.add(files.get(id).orElseThrow());
    }
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    done.forEach(f -> json.add(FileStore.json(f, baseUrl.get())));
    String channel = p.str("channel_id", p.str("channels", ""));
    share(channel, p.str("initial_comment", ""), p.str("thread_ts"), json);
    ObjectNode r = SlackJson.ok();
    r.set("files", json);
    return r;
  }

  private ObjectNode legacyUpload(ApiArgs p) {
    byte[] data;
    String name;
    if (p.file("file").isPresent()) {
      Multipart.Part part = p.file("file").get();
      data = part.data();
      name = p.str("filename", part.filename() == null ? "file" : part.filename());
    } else if (p.has("content")) {
      data = p.str("content", "").getBytes(StandardCharsets.UTF_8);
      name = p.str("filename", "snippet.txt");
    } else {
      throw new SlackError("no_file_data");
    }
    FileStore.StoredFile f = files.add(name, p.str("title", name), data);
    ObjectNode json = FileStore.json(f, baseUrl.get());
    share(p.str("channels", ""), p.str("initial_comment", ""), p.str("thread_ts"),
        JsonNodeFactory.instance.arrayNode().add(json));
    ObjectNode r = SlackJson.ok();
    r.set("file", json);
    return r;
  }

  /** Posts the files in each channel named; none named leaves them private, as in Slack. */
  private void share(String channels, String comment, @Nullable String threadTs, ArrayNode json) {
    if (channels.isBlank()) {
      return;
    }
    for (String ref : channels.split(",")) {
      Channel c = conv.resolve(ref.strip()).orElseThrow(() -> new SlackError("channel_not_found"));
      conv.post(c.id(), Team.BOT_USER_ID, true, comment, JsonNodeFactory.instance.arrayNode(),
          threadTs == null || threadTs.isBlank() ? null : threadTs, null, json);
    }
  }
}
