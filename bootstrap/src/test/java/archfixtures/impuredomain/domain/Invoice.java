package archfixtures.impuredomain.domain;

/** Breaks "the domain is pure Java": a domain class that is a JPA entity. */
@jakarta.persistence.Entity
public class Invoice {
}
