package archfixtures.cycles.domain.orders;

/** Breaks "slices are free of cycles": orders and customers know each other. */
public record Order(archfixtures.cycles.domain.customers.Customer customer) {
}
