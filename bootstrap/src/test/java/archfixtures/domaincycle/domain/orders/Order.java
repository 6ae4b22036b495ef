package archfixtures.domaincycle.domain.orders;

/** Breaks "domain slices are free of cycles": orders and customers know each other. */
public record Order(archfixtures.domaincycle.domain.customers.Customer customer) {
}
