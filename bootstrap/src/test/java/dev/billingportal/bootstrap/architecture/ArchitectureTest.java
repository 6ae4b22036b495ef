package dev.billingportal.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The product keeps every architecture rule. */
class ArchitectureTest {
    static final String ROOT = "dev.billingportal";
    static final String MAIN_CLASS = "dev.billingportal.bootstrap.BillingPortalMain";
    private static JavaClasses product;

    /** Production classes of every module; test classes and the shared test jar are not the product. */
    static JavaClasses importProduct() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption((Location location) -> !location.contains("-tests.jar")
                        && !location.contains("/test-classes/"))
                .importPackages(ROOT);
    }

    @BeforeAll
    static void importClasses() {
        product = importProduct();
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.all(ROOT, MAIN_CLASS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theProductKeepsTheRule(ArchRule rule) {
        rule.check(product);
    }

    /** The rules name these packages; each must hold classes, or a rule about it would say nothing. */
    @Test
    void everyPackageTheRulesNameHoldsProductClasses() {
        for (String pkg : List.of("domain", "domain.account", "domain.user", "domain.notification", "domain.failure",
                "application.port.in", "application.port.out", "application.service", "adapter.in.rest",
                "adapter.out.persistence", "adapter.out.mail", "adapter.out.passwords", "adapter.out.passkeys",
                "adapter.in.messaging", "domain.operator", "domain.access", "domain.audit",
                "adapter.out.messaging",
                "adapter.out.documents", "adapter.in.web", "domain.billing", "application.service.billing")) {
            String name = ROOT + "." + pkg;
            assertFalse(product.stream().noneMatch(c -> c.getPackageName().startsWith(name)), name + " is empty");
        }
    }
}
