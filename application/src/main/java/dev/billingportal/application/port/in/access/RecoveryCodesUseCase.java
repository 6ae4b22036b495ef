package dev.billingportal.application.port.in.access;

import java.util.List;

public interface RecoveryCodesUseCase {

    /** Ten new recovery codes replace the operator's (a console session with a fresh second factor); shown once. */
    List<String> regenerate(String sessionToken);
}
