package archfixtures.readonlywrites.adapter.in.rest.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The fixture's operator endpoints, with the permission they need, as the product's REST adapter declares them. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorEndpoint {
    Permission value();
}
