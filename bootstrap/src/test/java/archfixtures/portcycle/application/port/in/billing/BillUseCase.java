package archfixtures.portcycle.application.port.in.billing;

/** Breaks "incoming port slices are free of cycles". */
public interface BillUseCase {
    archfixtures.portcycle.application.port.in.mailing.MailUseCase mail();
}
