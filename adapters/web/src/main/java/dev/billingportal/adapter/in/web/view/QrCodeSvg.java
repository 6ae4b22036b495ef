package dev.billingportal.adapter.in.web.view;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn by the portal as inline SVG (spec §11: the authenticator's enrolment, no outside service): one path
 * of unit squares, a four-module quiet zone, crisp at any size, and a title for screen readers. The code itself is
 * Nayuki's QR Code generator (docs/dependencies.md); the drawing is ours.
 */
public final class QrCodeSvg {
    /** The white margin the QR standard asks for around the code, in modules. */
    static final int QUIET_ZONE = 4;

    private QrCodeSvg() {
    }

    /** {@code text} (an {@code otpauth://} URI) as an SVG element; {@code title} names it for assistive technology. */
    public static String of(String text, String title) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = code.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
                + "<title id=\"qr-title\">" + escape(title) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
