package archfixtures.portusesservice.application.service;

public class PlaceOrderService {
}
