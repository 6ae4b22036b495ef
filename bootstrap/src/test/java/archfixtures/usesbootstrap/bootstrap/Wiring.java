package archfixtures.usesbootstrap.bootstrap;

public class Wiring {
}
