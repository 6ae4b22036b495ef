package archfixtures.outgoingportclass.application.port.out;

/** Breaks "outgoing ports are interfaces": a concrete class where an interface belongs. */
public class Orders {
}
