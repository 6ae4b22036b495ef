package archfixtures.misplacedtechnology.application.service;

/** Breaks "@Entity only in the persistence adapter". */
@jakarta.persistence.Entity
public class AnEntity {
}
