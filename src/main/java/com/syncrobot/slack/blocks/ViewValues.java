package com.syncrobot.slack.blocks;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a modal holds when it is submitted or changed ({@code view.state.values}: block id → action id
 * → value), read leniently: a view without state, a missing block or an empty input reads as nothing.
 */
public final class ViewValues {
  private ViewValues() {}

  /** Returns the view's values; null when it carries no state. */
  public static @Nullable Map<String, Map<String, ViewState.Value>> of(@Nullable View view) {
    return view == null || view.getState() == null ? null : view.getState().getValues();
  }

  /** Returns the value of {@code action} in {@code block}; null when there is none. */
  public static ViewState.@Nullable Value value(@Nullable Map<String, Map<String, ViewState.Value>> values,
      String block, String action) {
    Map<String, ViewState.Value> b = values == null ? null : values.get(block);
    return b == null ? null : b.get(action);
  }

  /** Returns the text typed; empty when none. */
  public static String text(ViewState.@Nullable Value v) {
    return v == null || v.getValue() == null ? "" : v.getValue();
  }

  /** Returns the value of the option chosen; null when none. */
  public static @Nullable String selected(ViewState.@Nullable Value v) {
    return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
  }
}
