package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.workspace.Team;
import java.net.URLConnection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Files the bot uploads: reserved by files.getUploadURLExternal, filled by the POST to the upload
 * URL, shared by files.completeUploadExternal; or all at once by the legacy files.upload.
 * Thread-safe.
 */
public final class FileStore {
  /** A file; {@code data} is null until its bytes arrived. */
  record StoredFile(String id, String name, String title, int declaredLength, byte @Nullable [] data) {
    String mimetype() {
      String guess = URLConnection.guessContentTypeFromName(name);
      return guess == null ? "application/octet-stream" : guess;
    }

    String filetype() {
      int dot = name.lastIndexOf('.');
      return dot < 0 ? "binary" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
  }

  private final Map<String, StoredFile> files = new HashMap<>();
  private long counter;

  /** Reserves an id for a file of {@code length} bytes still to be uploaded. */
  synchronized String reserve(String name, int length) {
    String id = "F" + String.format("%08d", ++counter);
    files.put(id, new StoredFile(id, name, name, length, null));
    return id;
  }

  /** Stores the bytes of a reserved file; false when the id is unknown. */
  synchronized boolean upload(String id, byte[] data) {
    StoredFile f = files.get(id);
    if (f == null) {
      return false;
    }
    files.put(id, new StoredFile(id, f.name(), f.title(), f.declaredLength(), data.clone()));
    return true;
  }

  /** Stores a whole file at once (legacy files.upload); returns it. */
  synchronized StoredFile add(String name, String title, byte[] data) {
    String id = "F" + String.format("%08d", ++counter);
    StoredFile f = new StoredFile(id, name, title, data.length, data.clone());
    files.put(id, f);
    return f;
  }

  synchronized Optional<StoredFile> get(String id) {
    return Optional.ofNullable(files.get(id));
  }

  /** Gives a file its title, as files.completeUploadExternal may. */
  synchronized void retitle(String id, String title) {
    StoredFile f = files.get(id);
    if (f != null) {
      files.put(id, new StoredFile(id, f.name(), title, f.declaredLength(), f.data()));
    }
  }

  /** Returns the file object Slack returns, its URLs pointing at the simulator. */
  static ObjectNode json(StoredFile f, String baseUrl) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", f.id());
    o.put("name", f.name());
    o.put("title", f.title());
    o.put("mimetype", f.mimetype());
    o.put("filetype", f.filetype());
    o.put("size", f.data() == null ? 0 : f.data().length);
    o.put("user", Team.BOT_USER_ID);
    o.put("url_private", baseUrl + "/files/" + f.id());
    o.put("url_private_download", baseUrl + "/files/" + f.id() + "?download=1");
    o.put("permalink", baseUrl + "/files/" + f.id());
    return o;
  }
}
