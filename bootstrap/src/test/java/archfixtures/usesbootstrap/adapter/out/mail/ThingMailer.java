package archfixtures.usesbootstrap.adapter.out.mail;

/** Breaks "nothing depends on the composition root". */
public class ThingMailer {
    public Object wiring() {
        return new archfixtures.usesbootstrap.bootstrap.Wiring();
    }
}
