package archfixtures.leakyports.application.port.in;

/** Breaks "ports do not depend on services": the port names its implementation. */
public interface PlaceOrderUseCase {
    archfixtures.leakyports.application.service.PlaceOrderService implementation();
}
