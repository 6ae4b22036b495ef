package dev.billingportal.bench.hello;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The bare Helidon MP hello application the portal's startup time and memory are compared with: the same
 * framework, the same JVM, nothing of ours but its start ({@link HelloMain}, which sets what the portal's main sets).
 */
@ApplicationScoped
@Path("/hello")
public class HelloResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "Hello";
    }
}
