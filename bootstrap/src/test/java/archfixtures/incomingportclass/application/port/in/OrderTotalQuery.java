package archfixtures.incomingportclass.application.port.in;

/** Breaks "incoming ports are interfaces". */
public class OrderTotalQuery {
}
