package archfixtures.undeclaredcallers.adapter.in.rest.access;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The fixture's own kind of caller, as the product's REST adapter declares them. */
@Retention(RetentionPolicy.RUNTIME)
public @interface OperatorEndpoint {
    String value();
}
