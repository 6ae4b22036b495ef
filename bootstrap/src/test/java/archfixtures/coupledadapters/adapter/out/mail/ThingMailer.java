package archfixtures.coupledadapters.adapter.out.mail;

public class ThingMailer {
}
