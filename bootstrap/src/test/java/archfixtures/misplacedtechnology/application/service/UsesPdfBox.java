package archfixtures.misplacedtechnology.application.service;

/** Breaks "PDFBox only in the documents adapter". */
public class UsesPdfBox {
    public void render(org.apache.pdfbox.pdmodel.PDDocument document) {
    }
}
