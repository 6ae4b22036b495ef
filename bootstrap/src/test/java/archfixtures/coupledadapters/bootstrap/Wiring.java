package archfixtures.coupledadapters.bootstrap;

/** The fixture's composition root; the mail adapter wrongly depends on it. */
public class Wiring {
    public static final String NAME = "wiring";
}
