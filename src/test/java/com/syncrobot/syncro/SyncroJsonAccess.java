package com.syncrobot.syncro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lets tests in other packages read a line item the way the client does. */
public final class SyncroJsonAccess {
  private SyncroJsonAccess() {}

  public static LineItem lineItem(String json) {
    try {
      return SyncroJson.lineItem(new ObjectMapper().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
