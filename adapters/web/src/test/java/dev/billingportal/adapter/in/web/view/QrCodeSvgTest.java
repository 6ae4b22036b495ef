package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment's QR code is read back by another library's decoder, from the SVG as drawn. */
class QrCodeSvgTest {
    private static final String URI = "otpauth://totp/Billing%20Console:ada%40provider.example"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Billing%20Console&algorithm=SHA1&digits=6&period=30";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SQUARE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 4;

    /** Rasterises the SVG's squares as a browser would fill them: white page, black modules. */
    private static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find(), svg);
        int side = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1)) * PIXELS_PER_MODULE;
            int y = Integer.parseInt(square.group(2)) * PIXELS_PER_MODULE;
            for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                for (int dx = 0; dx < PIXELS_PER_MODULE; dx++) {
                    pixels[(y + dy) * side + x + dx] = 0xFF000000;
                }
            }
        }
        LuminanceSource image = new RGBLuminanceSource(side, side, pixels);
        Result read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image)));
        return read.getText();
    }

    @Test
    void anAuthenticatorAppReadsTheProvisioningUriBack() throws Exception {
        assertEquals(URI, decode(QrCodeSvg.of(URI, "QR code for your authenticator app")));
    }

    @Test
    void itIsSelfContainedAccessibleAndEscapesItsTitle() {
        String svg = QrCodeSvg.of(URI, "Code <QR> & \"app\"");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("role=\"img\"") && svg.contains("<title id=\"qr-title\">Code &lt;QR&gt; &amp; "
                + "&quot;app&quot;</title>"), svg);
        assertFalse(svg.contains("href"), "no link, no image from another origin");
        assertFalse(svg.contains(URI), "the secret is drawn, not written into the markup");
    }
}
