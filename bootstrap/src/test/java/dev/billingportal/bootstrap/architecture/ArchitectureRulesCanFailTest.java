package dev.billingportal.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule fails on a small code base that breaks it (under {@code archfixtures}), and on
 * an empty package — so that a green {@link ArchitectureTest} means something.
 */
class ArchitectureRulesCanFailTest {
    private static final String NO_MAIN = "none";

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("archfixtures." + name);
    }

    /** The rule fails on the fixture, and its report names the class that breaks it. */
    private static void assertFails(ArchRule rule, String fixture, String culprit) {
        JavaClasses classes = fixture(fixture);
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(classes),
                "'" + rule.getDescription() + "' should fail on archfixtures." + fixture);
        assertTrue(failure.getMessage().contains(culprit),
                "the report names " + culprit + ":\n" + failure.getMessage());
    }

    @Test
    void theDomainRuleFailsOnAnEntityInTheDomain() {
        assertFails(ArchitectureRules.domainIsPureJava("archfixtures.impuredomain"), "impuredomain", "Invoice");
    }

    @Test
    void theApplicationRuleFailsOnAServiceThatSpeaksJms() {
        assertFails(ArchitectureRules.applicationUsesNoTechnology("archfixtures.technicalapplication"),
                "technicalapplication", "NotifyService");
    }

    @Test
    void theOnionFailsOnAdaptersThatDependOnEachOther() {
        assertFails(ArchitectureRules.onion("archfixtures.coupledadapters"), "coupledadapters", "ThingResource");
    }

    @Test
    void theCompositionRootRuleFailsOnAnAdapterThatUsesBootstrap() {
        assertFails(ArchitectureRules.nothingDependsOnTheCompositionRoot("archfixtures.coupledadapters"),
                "coupledadapters", "ThingMailer");
    }

    @Test
    void thePortRulesFailOnLeakyPorts() {
        String root = "archfixtures.leakyports";
        assertFails(ArchitectureRules.portsDoNotDependOnServices(root), "leakyports", "PlaceOrderUseCase");
        assertFails(ArchitectureRules.incomingPortsAreInterfaces(root), "leakyports", "OrderTotalQuery");
        assertFails(ArchitectureRules.outgoingPortsAreInterfaces(root), "leakyports", "Orders");
    }

    static Stream<ArchRule> technologyRules() {
        return ArchitectureRules.technologyStaysInItsAdapter("archfixtures.misplacedtechnology").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("technologyRules")
    void everyTechnologyRuleFailsOnTechnologyInTheApplication(ArchRule rule) {
        assertFails(rule, "misplacedtechnology", "Everything");
    }

    static Stream<ArchRule> cycleRules() {
        return ArchitectureRules.featureSlicesAreFreeOfCycles("archfixtures.cycles").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cycleRules")
    void everyCycleRuleFailsOnACycle(ArchRule rule) {
        assertFails(rule, "cycles", "Cycle detected");
    }

    static Stream<ArchRule> codingRules() {
        return ArchitectureRules.codingRules("archfixtures.sloppy", NO_MAIN).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codingRules")
    void everyCodingRuleFailsOnSloppyCode(ArchRule rule) {
        assertFails(rule, "sloppy", "Sloppy");
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

    @Test
    void fixturesAreNotEmpty() {
        for (String name : List.of("impuredomain", "technicalapplication", "coupledadapters", "leakyports",
                "misplacedtechnology", "cycles", "sloppy")) {
            if (fixture(name).isEmpty()) {
                throw new AssertionError("archfixtures." + name + " has no classes");
            }
        }
    }
}
