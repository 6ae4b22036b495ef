package archfixtures.domaincycle.domain.customers;

public record Customer(java.util.List<archfixtures.domaincycle.domain.orders.Order> orders) {
}
