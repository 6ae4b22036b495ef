package archfixtures.cycles.domain.customers;

public record Customer(java.util.List<archfixtures.cycles.domain.orders.Order> orders) {
}
