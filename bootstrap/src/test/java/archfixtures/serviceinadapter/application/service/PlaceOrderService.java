package archfixtures.serviceinadapter.application.service;

public class PlaceOrderService {
}
