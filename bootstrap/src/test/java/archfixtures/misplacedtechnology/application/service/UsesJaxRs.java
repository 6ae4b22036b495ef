package archfixtures.misplacedtechnology.application.service;

/** Breaks "jakarta.ws.rs only in the REST adapter". */
public class UsesJaxRs {
    public jakarta.ws.rs.core.Response respond() {
        return null;
    }
}
