package archfixtures.misplacedtechnology.application.service;

/** Breaks "@Path only in the REST adapter". */
@jakarta.ws.rs.Path("/somewhere")
public class APath {
}
