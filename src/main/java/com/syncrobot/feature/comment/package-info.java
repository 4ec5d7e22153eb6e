/**
 * {@code /syncro comment}, {@code close} and {@code update}, and the session log of a finished
 * close. Start at {@link com.syncrobot.feature.comment.CommentFeature}; the comment / close modal
 * is {@link com.syncrobot.feature.comment.CommentModal}, its submission {@link
 * com.syncrobot.feature.comment.CommentSubmission}.
 */
@NullMarked
package com.syncrobot.feature.comment;

import org.jspecify.annotations.NullMarked;
