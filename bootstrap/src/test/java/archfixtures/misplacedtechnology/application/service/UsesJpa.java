package archfixtures.misplacedtechnology.application.service;

/** Breaks "jakarta.persistence only in the persistence adapter". */
public class UsesJpa {
    public void persist(jakarta.persistence.EntityManager entityManager) {
    }
}
