package archfixtures.cycles.application.port.in.billing;

public interface BillUseCase {
    archfixtures.cycles.application.port.in.mailing.MailUseCase mail();
}
