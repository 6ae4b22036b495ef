package dev.billingportal.adapter.in.web;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.adapter.in.web.view.CardLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The one {@link Frame} of the portal's and the console's pages: the assets are read and hashed once, at first use. */
@ApplicationScoped
public class SharedFrame {
    @Inject
    WebSettings settings;

    private Frame frame;

    public synchronized Frame frame() {
        if (frame == null) {
            frame = new Frame(Assets.load(CardLabels.stylesheets()), settings);
        }
        return frame;
    }
}
