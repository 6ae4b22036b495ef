package archfixtures.portusesservice.application.port.in;

/** Breaks "ports do not depend on services": the port names its implementation. */
public interface PlaceOrderUseCase {
    archfixtures.portusesservice.application.service.PlaceOrderService implementation();
}
