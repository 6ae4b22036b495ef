package archfixtures.serviceinadapter.adapter.in.rest;

/** Breaks "adapters use the ports, never the services": the resource calls a service class directly. */
public class OrderResource {
    private final archfixtures.serviceinadapter.application.service.PlaceOrderService service =
            new archfixtures.serviceinadapter.application.service.PlaceOrderService();

    public Object service() {
        return service;
    }
}
