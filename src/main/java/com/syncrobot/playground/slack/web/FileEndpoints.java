package com.syncrobot.playground.slack.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;

/**
 * The upload URL files.getUploadURLExternal hands out ({@code POST /upload/<id>}, answered like
 * Slack's {@code OK - <bytes>}) and the download of stored files ({@code GET /files/<id>}).
 */
public final class FileEndpoints implements HttpHandler {
  public static final String UPLOAD = "/upload/";
  public static final String FILES = "/files/";

  private final FileStore files;

  public FileEndpoints(FileStore files) {
    this.files = files;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith(UPLOAD) && ex.getRequestMethod().equals("POST")) {
        byte[] body = SimulatorHttp.body(ex);
        String ct = SimulatorHttp.contentType(ex);
        if (ct.startsWith("multipart/form-data")) {
          // Some clients send the bytes as a multipart "file" part instead of the raw body.
          body = firstFile(body, ct).orElse(body);
        }
        if (files.upload(path.substring(UPLOAD.length()), body)) {
          SimulatorHttp.text(ex, 200, "OK - " + body.length);
        } else {
          SimulatorHttp.text(ex, 404, "file_not_found");
        }
      } else if (path.startsWith(FILES) && ex.getRequestMethod().equals("GET")) {
        Optional<FileStore.StoredFile> f = files.get(path.substring(FILES.length()));
        if (f.isEmpty() || f.get().data() == null) {
          SimulatorHttp.text(ex, 404, "file_not_found");
          return;
        }
        SimulatorHttp.send(ex, 200, f.get().mimetype(), f.get().data());
      } else {
        SimulatorHttp.text(ex, 404, "not found");
      }
    }
  }

  private static Optional<byte[]> firstFile(byte[] body, String contentType) {
    return Multipart.boundary(contentType).flatMap(b -> Multipart.parse(body, b).stream()
        .filter(p -> p.filename() != null).findFirst().map(Multipart.Part::data));
  }
}
