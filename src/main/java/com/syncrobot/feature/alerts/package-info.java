/**
 * Personal alerts by direct message and the bot's Messages tab: {@code /syncro notify}, the direct-message half
 * of the notification sink, the appointment and prepaid checks, and answers to direct messages. Start at {@link
 * com.syncrobot.feature.alerts.AlertsFeature}; {@link com.syncrobot.feature.alerts.DirectNotices} posts a batch of
 * alerts, {@link com.syncrobot.feature.alerts.DirectMessages} answers a message to the bot. The settings' store
 * is {@code com.syncrobot.notify.AlertStore}.
 */
@NullMarked
package com.syncrobot.feature.alerts;

import org.jspecify.annotations.NullMarked;
