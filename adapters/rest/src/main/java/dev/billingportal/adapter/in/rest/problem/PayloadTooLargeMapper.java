package dev.billingportal.adapter.in.rest.problem;

import dev.billingportal.adapter.in.rest.request.PayloadTooLarge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
@ApplicationScoped
public class PayloadTooLargeMapper implements ExceptionMapper<PayloadTooLarge> {

    @Override
    public Response toResponse(PayloadTooLarge tooLarge) {
        return Problem.of("payload-too-large", "Payload too large", 413, tooLarge.getMessage())
                .response()
                .header("Connection", "close")
                .build();
    }
}
