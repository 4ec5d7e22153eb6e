/**
 * The sandbox's {@code /api/v1} endpoints, one class per resource ({@code TicketRoutes}, {@code
 * CommentRoutes}, {@code ChargeRoutes}, {@code InvoiceRoutes}, {@code CustomerRoutes}, {@code
 * AppointmentRoutes}, {@code AccountRoutes}), each registered on the {@link
 * com.syncrobot.playground.sandbox.routes.Router} by {@link
 * com.syncrobot.playground.sandbox.routes.Router#api}. A route gets a {@link
 * com.syncrobot.playground.sandbox.routes.Call} (path id, {@link
 * com.syncrobot.playground.sandbox.routes.RailsParams}, technician) and returns a {@link
 * com.syncrobot.playground.sandbox.routes.SandboxReply}; the {@code *Shapes} classes turn records
 * into Syncro's JSON, {@code Timestamps} prints its times, {@code Paging} and {@code Errors} its
 * pages and error bodies. Start with {@code TicketRoutes}.
 */
@NullMarked
package com.syncrobot.playground.sandbox.routes;

import org.jspecify.annotations.NullMarked;
