/**
 * Reading tickets: {@code /syncro list}, {@code ticket}, {@code search} and {@code customers}.
 * Start at {@link com.syncrobot.feature.tickets.TicketsFeature}; one ticket's view is {@link
 * com.syncrobot.feature.tickets.TicketDetail}, lists are {@link
 * com.syncrobot.feature.tickets.TicketLines}.
 */
@NullMarked
package com.syncrobot.feature.tickets;

import org.jspecify.annotations.NullMarked;
