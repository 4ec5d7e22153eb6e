package com.syncrobot.playground.sandbox.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One 1-based page of a list and its {@code meta}; a page past the end is empty, not an error. */
record Paging<T>(List<T> items, int page, int perPage, int totalEntries) {
  Paging {
    items = List.copyOf(items);
  }

  static <T> Paging<T> of(List<T> all, int page, int perPage) {
    int p = Math.max(1, page);
    long from = (long) (p - 1) * perPage;
    List<T> slice = from >= all.size() ? List.of()
        : all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    return new Paging<>(slice, p, perPage, all.size());
  }

  static int page(RailsParams params) {
    Long p = params.longValue("page");
    return p == null || p < 1 ? 1 : (int) Math.min(Integer.MAX_VALUE, p);
  }

  int totalPages() {
    return (totalEntries + perPage - 1) / perPage;
  }

  /** {@code {"total_pages", "page"}}, as tickets and invoices send. */
  ObjectNode shortMeta() {
    return Json.obj().put("total_pages", totalPages()).put("page", page);
  }

  /** {@code {"total_pages", "total_entries", "per_page", "page"}}, as customers and assets send. */
  ObjectNode longMeta() {
    return Json.obj().put("total_pages", totalPages()).put("total_entries", totalEntries).put("per_page", perPage)
        .put("page", page);
  }
}
