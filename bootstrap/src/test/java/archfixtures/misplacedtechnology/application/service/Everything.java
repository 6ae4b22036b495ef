package archfixtures.misplacedtechnology.application.service;

/** Breaks every "technology stays in its adapter" rule at once. */
@jakarta.persistence.Entity
@jakarta.ws.rs.Path("/everything")
public class Everything {
    public void persist(jakarta.persistence.EntityManager entityManager) {
    }

    public void publish(jakarta.jms.Session session) {
    }

    public void mail(jakarta.mail.Session session) {
    }

    public void hash(org.bouncycastle.crypto.generators.Argon2BytesGenerator generator) {
    }

    public void render(org.apache.pdfbox.pdmodel.PDDocument document) {
    }

    public void export(org.apache.commons.csv.CSVPrinter printer) {
    }

    public jakarta.ws.rs.core.Response respond() {
        return null;
    }
}
