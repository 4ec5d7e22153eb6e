package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Web API method: takes the call's arguments, returns Slack's answer or throws {@link SlackError}. */
@FunctionalInterface
interface ApiMethod {
  ObjectNode call(ApiArgs params);
}
