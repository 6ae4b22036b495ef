package archfixtures.portcycle.application.port.in.mailing;

public interface MailUseCase {
    archfixtures.portcycle.application.port.in.billing.BillUseCase bill();
}
