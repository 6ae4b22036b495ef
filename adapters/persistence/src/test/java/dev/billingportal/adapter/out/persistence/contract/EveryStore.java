package dev.billingportal.adapter.out.persistence.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A contract test: it runs once on the in-memory fakes, once on JPA over H2 and once on JPA over PostgreSQL. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("dev.billingportal.adapter.out.persistence.contract.ContractFixtures#stores")
public @interface EveryStore {
}
