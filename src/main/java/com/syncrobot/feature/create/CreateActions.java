package com.syncrobot.feature.create;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.ViewValues;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The create modal's live fields: choosing a customer rebuilds its contact, address and asset
 * fields (views.update); choosing "Emergency Service" suggests priority 4 Urgent unless another
 * priority than the default was picked (R14). Each handler acks at once and updates off-thread.
 */
public final class CreateActions {
  private static final Logger log = LoggerFactory.getLogger(CreateActions.class);

  private final ConnectedUserStore users;
  private final CreateForms forms;
  private final WorkQueue work;

  CreateActions(ConnectedUserStore users, CreateForms forms, WorkQueue work) {
    this.users = users;
    this.forms = forms;
    this.work = work;
  }

  BlockActionHandler customerChanged() {
    // a new customer clears contact, address and asset, which belong to the old one
    return handler("customer", form -> form.withCustomer(form.customer()));
  }

  BlockActionHandler issueTypeChanged() {
    return handler("issue type", form -> {
      boolean emergency = form.issueType() != null
          && CreateVocabulary.EMERGENCY.equalsIgnoreCase(form.issueType().strip());
      boolean untouched = form.priority() == null || CreateVocabulary.NORMAL.equalsIgnoreCase(form.priority());
      return emergency && untouched ? form.withPriority(CreateVocabulary.URGENT) : null;
    });
  }

  /** {@code change} returns the form to show, or null when nothing needs to change. */
  private BlockActionHandler handler(String what, UnaryOperator<CreateForm> change) {
    return (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      View view = p.getView();
      Optional<CreateModal.Meta> meta = view == null ? Optional.empty()
          : CreateModal.Meta.fromJson(view.getPrivateMetadata());
      if (meta.isEmpty() || p.getUser() == null) {
        return ctx.ack();
      }
      CreateForm changed = change.apply(CreateForm.read(ViewValues.of(view)));
      if (changed == null) {
        return ctx.ack();
      }
      ConnectedUser user = Asker.find(users, p.getUser().getId()).user();
      if (user != null && !work.submit("create " + what + " change", () -> forms.rebuild(ctx.client(),
          view.getId(), view.getHash(), user, meta.get(), changed))) {
        log.warn("Could not rebuild the create form after a {} change: the bot is busy", what);
      }
      return ctx.ack();
    };
  }
}
