package com.syncrobot.playground.slack.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.playground.slack.workspace.SlackError;

/** One Web API method: takes the call's arguments, returns Slack's answer or throws {@link SlackError}. */
@FunctionalInterface
interface ApiMethod {
  ObjectNode call(ApiArgs params);
}
