package dev.billingportal.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule fails on a small code base of its own that breaks it (under {@code archfixtures}), and
 * on an empty package — so that a green {@link ArchitectureTest} means something. Every rule of
 * {@link ArchitectureRules#all} has its fixture here; a rule added without one fails {@link #everyRuleHasAFixture}.
 */
class ArchitectureRulesCanFailTest {
    private static final String NO_MAIN = "none";

    /** A rule, the fixture that breaks it, and the class (or cycle) its report must name. */
    record Case(String fixture, Function<String, ArchRule> rule, String culprit) {
        ArchRule ruleFor(String root) {
            return rule.apply(root);
        }

        @Override
        public String toString() {
            return ruleFor("archfixtures." + fixture).getDescription() + " <- " + fixture;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
                new Case("impuredomain", ArchitectureRules::domainIsPureJava, "Invoice"),
                new Case("technicalapplication", ArchitectureRules::applicationUsesNoTechnology, "NotifyService"),
                new Case("coupledadapters", ArchitectureRules::onion, "ThingResource"),
                new Case("directionless", ArchitectureRules::adaptersSayWhichWayTheyPoint, "ThingQueue"),
                new Case("usesbootstrap", ArchitectureRules::nothingDependsOnTheCompositionRoot, "ThingMailer"),
                new Case("portusesservice", ArchitectureRules::portsDoNotDependOnServices, "PlaceOrderUseCase"),
                new Case("serviceinadapter", ArchitectureRules::adaptersUseOnlyPorts, "OrderResource"),
                new Case("incomingportclass", ArchitectureRules::incomingPortsAreInterfaces, "OrderTotalQuery"),
                new Case("outgoingportclass", ArchitectureRules::outgoingPortsAreInterfaces, "Orders"),
                new Case("undeclaredcallers", ArchitectureRules::everyEndpointSaysWhoMayCallIt,
                        "OrderResource.cancel"),
                new Case("readonlywrites", ArchitectureRules::operatorWritesNeedMoreThanReading,
                        "OrderResource.refund")));
        List<String> technologyCulprits = List.of("UsesJpa", "AnEntity", "UsesJaxRs", "APath", "UsesJms", "UsesMail",
                "UsesBouncyCastle", "UsesWebAuthn", "UsesPdfBox", "UsesCommonsCsv", "UsesJte", "UsesQrCodeGen",
                "UsesWebServer", "UsesHttpClient");
        for (int i = 0; i < technologyCulprits.size(); i++) {
            int rule = i;
            cases.add(new Case("misplacedtechnology",
                    root -> ArchitectureRules.technologyStaysInItsAdapter(root).get(rule), technologyCulprits.get(i)));
        }
        List<String> cycleFixtures = List.of("domaincycle", "servicecycle", "portcycle");
        for (int i = 0; i < cycleFixtures.size(); i++) {
            int rule = i;
            cases.add(new Case(cycleFixtures.get(i), root -> ArchitectureRules.featureSlicesAreFreeOfCycles(root)
                    .get(rule), "Cycle detected"));
        }
        cases.add(new Case("genericexception", root -> ArchitectureRules.codingRules(root, NO_MAIN).get(0), "Sloppy"));
        cases.add(new Case("printing", root -> ArchitectureRules.codingRules(root, NO_MAIN).get(1), "Chatty"));
        return cases;
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("archfixtures." + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRuleFailsOnItsFixtureNamingTheCulprit(Case broken) {
        JavaClasses classes = fixture(broken.fixture());
        assertFalse(classes.isEmpty(), "archfixtures." + broken.fixture() + " has classes");
        ArchRule rule = broken.ruleFor("archfixtures." + broken.fixture());

        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(classes),
                "'" + rule.getDescription() + "' should fail on archfixtures." + broken.fixture());

        assertTrue(failure.getMessage().contains(broken.culprit()),
                "the report names " + broken.culprit() + ":\n" + failure.getMessage());
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasAFixture() {
        String root = "archfixtures.any";
        assertEquals(ArchitectureRules.all(root, NO_MAIN).stream().map(ArchRule::getDescription).sorted().toList(),
                cases().stream().map(broken -> broken.ruleFor(root).getDescription()).sorted().toList());
    }

    static Stream<ArchRule> allRules() {
        return ArchitectureRules.all("archfixtures.nothinghere", NO_MAIN).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRules")
    void noRulePassesOnAnEmptyPackage(ArchRule rule) {
        JavaClasses nothing = fixture("nothinghere");
        assertThrows(AssertionError.class, () -> rule.check(nothing), rule.getDescription());
    }
}
