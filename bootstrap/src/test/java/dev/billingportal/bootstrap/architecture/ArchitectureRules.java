package dev.billingportal.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/**
 * The architecture's rules (docs/architecture.md), as functions of the root package so that each can be
 * run on the product ({@code dev.billingportal}) and on a small fixture that breaks it. ArchUnit fails a
 * rule whose {@code that()} selects no class, so none can pass vacuously on an empty package.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * 1. The domain is pure Java: it depends on the JDK and itself only — {@code java..}, and {@code javax.crypto..},
     * the JDK's own HMAC behind RFC 6238's one-time codes.
     */
    static ArchRule domainIsPureJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", root + ".domain..")
                .as("the domain depends only on java.., javax.crypto.. and itself");
    }

    /**
     * 2. The application knows no technology: not even CDI annotations. Its services are plain objects
     * that the composition root (bootstrap) builds by hand.
     */
    static ArchRule applicationUsesNoTechnology(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..",
                        root + ".application..")
                .as("the application depends only on java.., the domain and itself");
    }

    /**
     * 3. Dependencies point inwards, and adapters are isolated from each other. Domain services are the
     * domain's named policies ({@code *Policy}).
     */
    static ArchRule onion(String root) {
        DescribedPredicate<JavaClass> inDomain = JavaClass.Predicates.resideInAPackage(root + ".domain..");
        DescribedPredicate<JavaClass> policy = JavaClass.Predicates.simpleNameEndingWith("Policy");
        return onionArchitecture()
                .domainModels(inDomain.and(DescribedPredicate.not(policy)).as("domain models"))
                .domainServices(inDomain.and(policy).as("domain policies"))
                .applicationServices(root + ".application..")
                .adapter("rest", root + ".adapter.in.rest..")
                .adapter("web", root + ".adapter.in.web..")
                .adapter("persistence", root + ".adapter.out.persistence..")
                .adapter("mail", root + ".adapter.out.mail..")
                .adapter("passwords", root + ".adapter.out.passwords..")
                .adapter("passkeys", root + ".adapter.out.passkeys..")
                .adapter("webhooks", root + ".adapter.out.webhooks..")
                // One technology, both directions: the workers (in) consume through the broker connections (out).
                .adapter("messaging", root + ".adapter.in.messaging..", root + ".adapter.out.messaging..")
                .adapter("documents", root + ".adapter.out.documents..")
                // The composition root wires every layer together; it is outside the onion.
                .ignoreDependency(JavaClass.Predicates.resideInAPackage(root + ".bootstrap.."),
                        DescribedPredicate.alwaysTrue())
                .as("domain <- application <- adapters, adapters independent of each other");
    }

    /** 3c. Every adapter says which way it points: {@code adapter.in.<technology>} or {@code adapter.out.<technology>}. */
    static ArchRule adaptersSayWhichWayTheyPoint(String root) {
        return classes().that().resideInAPackage(root + ".adapter..")
                .should().resideInAnyPackage(root + ".adapter.in.*..", root + ".adapter.out.*..")
                .as("every adapter class is in adapter.in.<technology> or adapter.out.<technology>");
    }

    /** 3b. Nothing depends on the composition root. */
    static ArchRule nothingDependsOnTheCompositionRoot(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("nothing depends on the composition root (bootstrap)");
    }

    /** 4a. Ports never depend on the services that implement them. */
    static ArchRule portsDoNotDependOnServices(String root) {
        return noClasses().that().resideInAPackage(root + ".application.port..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .as("ports do not depend on services");
    }

    /**
     * 4d. Adapters drive and implement the core through its ports only: none reaches for a service class. The
     * composition root alone knows the services, because it builds them.
     */
    static ArchRule adaptersUseOnlyPorts(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .as("adapters depend on ports, never on services");
    }

    /** 4b. Incoming ports ({@code *UseCase}, {@code *Query}) are interfaces. */
    static ArchRule incomingPortsAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".application.port.in..")
                .and(nameEndsWithAny("UseCase", "Query"))
                .should().beInterfaces()
                .as("use cases and queries are interfaces");
    }

    /** 4c. Outgoing ports are interfaces; besides them only the records, enums and exceptions they exchange. */
    static ArchRule outgoingPortsAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".application.port.out..")
                .and().areTopLevelClasses()
                .and(DescribedPredicate.not(recordEnumOrThrowable()))
                .should().beInterfaces()
                .as("outgoing ports are interfaces");
    }

    /**
     * 4d. Every REST endpoint says who may call it — exactly one of {@code @PortalUserEndpoint},
     * {@code @OperatorEndpoint}, {@code @PublicEndpoint} (of the REST adapter's {@code access} package), on the method
     * or, if the method declares none, on its class. The bearer filter refuses an endpoint that declares none.
     */
    static ArchRule everyEndpointSaysWhoMayCallIt(String root) {
        String access = root + ".adapter.in.rest.access.";
        List<String> callers = List.of(access + "PortalUserEndpoint", access + "OperatorEndpoint",
                access + "PublicEndpoint");
        DescribedPredicate<JavaMethod> endpoint = DescribedPredicate.describe("are HTTP endpoints",
                method -> HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith));
        ArchCondition<JavaMethod> declareOneCaller = new ArchCondition<>("declare exactly one kind of caller") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<String> onMethod = callers.stream().filter(method::isAnnotatedWith).toList();
                List<String> declared = onMethod.isEmpty()
                        ? callers.stream().filter(method.getOwner()::isAnnotatedWith).toList() : onMethod;
                if (declared.size() != 1) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " declares "
                            + (declared.isEmpty() ? "no caller" : "several callers " + declared)));
                }
            }
        };
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + ".adapter.in.rest..")
                .and(endpoint)
                .should(declareOneCaller)
                .as("every REST endpoint declares who may call it (portal user, operator or public)");
    }

    /**
     * 4e. An operator endpoint that changes something (POST, PUT, PATCH, DELETE) needs more than the permission to
     * read (spec §11's table): on the method or, if the method declares none, on its class — so a write added to a
     * reading resource cannot inherit the class's {@code READ_ACCOUNTS} unnoticed.
     */
    static ArchRule operatorWritesNeedMoreThanReading(String root) {
        String operatorEndpoint = root + ".adapter.in.rest.access.OperatorEndpoint";
        DescribedPredicate<JavaMethod> operatorWrite = DescribedPredicate.describe("are operator endpoints that write",
                method -> WRITE_METHODS.stream().anyMatch(method::isAnnotatedWith)
                        && (method.isAnnotatedWith(operatorEndpoint)
                        || method.getOwner().isAnnotatedWith(operatorEndpoint)));
        ArchCondition<JavaMethod> needMoreThanReading = new ArchCondition<>("need more than READ_ACCOUNTS") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Object permission = (method.isAnnotatedWith(operatorEndpoint)
                        ? method.getAnnotationOfType(operatorEndpoint)
                        : method.getOwner().getAnnotationOfType(operatorEndpoint)).get("value").orElse(null);
                String name = permission instanceof com.tngtech.archunit.core.domain.JavaEnumConstant constant
                        ? constant.name() : String.valueOf(permission);
                if (name.equals("READ_ACCOUNTS")) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " changes something with the permission to read only"));
                }
            }
        };
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + ".adapter.in.rest..")
                .and(operatorWrite)
                .should(needMoreThanReading)
                .as("every operator endpoint that writes needs more than the permission to read");
    }

    private static final List<String> WRITE_METHODS = java.util.stream.Stream.of("POST", "PUT", "PATCH", "DELETE")
            .map(name -> "jakarta.ws.rs." + name).toList();

    private static final List<String> HTTP_METHODS = java.util.stream.Stream.of("GET", "POST", "PUT", "PATCH",
            "DELETE", "HEAD", "OPTIONS").map(name -> "jakarta.ws.rs." + name).toList();

    /** 5. Each technology stays in its adapter. */
    static List<ArchRule> technologyStaysInItsAdapter(String root) {
        return List.of(
                confined(root, ".adapter.out.persistence..", "jakarta.persistence..", "org.eclipse.persistence.."),
                classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                        .should().resideInAPackage(root + ".adapter.out.persistence..")
                        .as("@Entity only in the persistence adapter"),
                confined(root, ".adapter.in.rest..", "jakarta.ws.rs.."),
                classes().that().areAnnotatedWith("jakarta.ws.rs.Path")
                        .should().resideInAPackage(root + ".adapter.in.rest..")
                        .as("@Path only in the REST adapter"),
                confinedToAny(root, List.of(".adapter.in.messaging..", ".adapter.out.messaging.."), "jakarta.jms..",
                        "org.apache.activemq.."),
                confined(root, ".adapter.out.mail..", "jakarta.mail..", "org.eclipse.angus..", "com.github.mustachejava.."),
                confined(root, ".adapter.out.passwords..", "org.bouncycastle.."),
                confined(root, ".adapter.out.passkeys..", "com.webauthn4j.."),
                confined(root, ".adapter.out.documents..", "org.apache.pdfbox.."),
                // CSV out (the history as a sheet) and in (a bill run's file, read by the REST adapter that takes it).
                confinedToAny(root, List.of(".adapter.out.documents..", ".adapter.in.rest.billrun.."),
                        "org.apache.commons.csv.."),
                confined(root, ".adapter.in.web..", "gg.jte.."),
                confined(root, ".adapter.in.web..", "io.nayuki.qrcodegen.."),
                confined(root, ".adapter.in.web..", "io.helidon.webserver.."),
                confined(root, ".adapter.out.webhooks..", "org.apache.hc.."));
    }

    private static ArchRule confinedToAny(String root, List<String> adapters, String... technology) {
        String[] packages = adapters.stream().map(adapter -> root + adapter).toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(packages)
                .should().dependOnClassesThat().resideInAnyPackage(technology)
                .as(String.join(", ", technology) + " only in " + String.join(" and ", packages));
    }

    private static ArchRule confined(String root, String adapter, String... technology) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + adapter)
                .should().dependOnClassesThat().resideInAnyPackage(technology)
                .as(String.join(", ", technology) + " only in " + root + adapter);
    }

    /** 6. No cycles between the feature slices of the domain and of the application services. */
    static List<ArchRule> featureSlicesAreFreeOfCycles(String root) {
        return List.of(
                slices().matching(root + ".domain.(*)..").should().beFreeOfCycles()
                        .as("domain slices are free of cycles"),
                slices().matching(root + ".application.service.(*)..").should().beFreeOfCycles()
                        .as("application service slices are free of cycles"),
                slices().matching(root + ".application.port.in.(*)..").should().beFreeOfCycles()
                        .as("incoming port slices are free of cycles"));
    }

    /** 7. Errors are specific (no bare Exception or RuntimeException), and nothing writes to System.out/err. */
    static List<ArchRule> codingRules(String root, String mayPrintFatalErrors) {
        return List.of(
                noClasses().that().resideInAPackage(root + "..")
                        .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
                        .as("no generic exceptions are thrown"),
                noClasses().that().resideInAPackage(root + "..")
                        .and().doNotHaveFullyQualifiedName(mayPrintFatalErrors)
                        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                        .as("nothing writes to System.out or System.err (but the main class's fatal message)"));
    }

    /** Every rule above, for one root package. */
    static List<ArchRule> all(String root, String mayPrintFatalErrors) {
        List<ArchRule> rules = new java.util.ArrayList<>(List.of(domainIsPureJava(root),
                applicationUsesNoTechnology(root), onion(root), adaptersSayWhichWayTheyPoint(root),
                nothingDependsOnTheCompositionRoot(root),
                portsDoNotDependOnServices(root), adaptersUseOnlyPorts(root),
                incomingPortsAreInterfaces(root), outgoingPortsAreInterfaces(root),
                everyEndpointSaysWhoMayCallIt(root), operatorWritesNeedMoreThanReading(root)));
        rules.addAll(technologyStaysInItsAdapter(root));
        rules.addAll(featureSlicesAreFreeOfCycles(root));
        rules.addAll(codingRules(root, mayPrintFatalErrors));
        return rules;
    }

    private static DescribedPredicate<JavaClass> nameEndsWithAny(String... suffixes) {
        return DescribedPredicate.describe("have a name ending with " + String.join(" or ", suffixes),
                javaClass -> java.util.Arrays.stream(suffixes).anyMatch(javaClass.getSimpleName()::endsWith));
    }

    private static DescribedPredicate<JavaClass> recordEnumOrThrowable() {
        return DescribedPredicate.describe("records, enums or exceptions",
                javaClass -> javaClass.isRecord() || javaClass.isEnum() || javaClass.isAssignableTo(Throwable.class));
    }
}
