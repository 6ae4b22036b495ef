package archfixtures.cycles.application.port.in.mailing;

public interface MailUseCase {
    archfixtures.cycles.application.port.in.billing.BillUseCase bill();
}
