package dev.billingportal.application.service.notification;

import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.user.Language;

/** What a security notice says happened, in the administrator's language (spec §11). */
final class SecurityNoticeWords {
    private SecurityNoticeWords() {
    }

    static String of(String actionName, Language language) {
        boolean french = language == Language.FR_CA;
        return switch (AuditAction.valueOf(actionName)) {
            case API_KEY_CREATED -> french ? "Clé d'API créée" : "API key created";
            case API_KEY_ROTATED -> french ? "Clé d'API renouvelée" : "API key rotated";
            case API_KEY_REVOKED -> french ? "Clé d'API révoquée" : "API key revoked";
            case OPERATOR_INVITED -> french ? "Opérateur invité" : "Operator invited";
            case OPERATOR_DISABLED -> french ? "Opérateur désactivé" : "Operator disabled";
            case OPERATOR_ROLE_CHANGED -> french ? "Rôle d'un opérateur modifié" : "Operator's role changed";
            case OPERATOR_SECOND_FACTOR_RESET -> french ? "Second facteur d'un opérateur réinitialisé"
                    : "Operator's second factor reset";
            default -> throw new IllegalArgumentException(actionName + " sends no security notice");
        };
    }
}
