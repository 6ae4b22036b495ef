package archfixtures.misplacedtechnology.application.service;

/** Breaks "the QR code generator only in the web adapter". */
public class UsesQrCodeGen {
    public void draw(io.nayuki.qrcodegen.QrCode code) {
    }
}
