package archfixtures.misplacedtechnology.application.service;

/** Breaks "jte only in the web adapter": a service rendering a page. */
public class UsesJte {
    public void render(gg.jte.TemplateOutput output) {
    }
}
