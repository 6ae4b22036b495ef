package archfixtures.leakyports.application.service;

public class PlaceOrderService {
}
