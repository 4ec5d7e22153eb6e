/**
 * The Home tab (a technician's own open tickets with View / Comment / Bill / Close) and previews
 * of links to this account's Syncro tickets and invoices. Start at {@link
 * com.syncrobot.feature.home.HomeFeature}.
 */
@NullMarked
package com.syncrobot.feature.home;

import org.jspecify.annotations.NullMarked;
