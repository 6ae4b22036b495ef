package dev.billingportal.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes {@code /openapi} with what every operation shares, so that no annotation has to repeat it and none can
 * forget it: the RFC 9457 {@code Problem} schema on every 4xx and 5xx response; the failures every endpoint can answer
 * (400 for bad input, 401 and 403 for the wrong caller, 404 for an unknown id or another account's, 429 with
 * {@code Retry-After}, 500 with an incident id); and {@code security: []} on the public operations, which declare no
 * security scheme. Registered as {@code mp.openapi.filter} (this adapter's {@code microprofile-config.properties}).
 */
public final class ApiDocument implements OASFilter {
    private static final String PROBLEM = "Problem";
    private static final String OPERATOR_PATHS = "/api/v1/operator";
    private static final int PAGE_MAX = dev.billingportal.application.port.in.PageRequest.MAX_LIMIT;
    private static final int PAGE_DEFAULT = dev.billingportal.application.port.in.PageRequest.DEFAULT_LIMIT;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(PROBLEM, problemSchema());
        if (api.getComponents().getSchemas() != null) {
            // The scanner reads a record's issueDate() as the getter of a boolean "sueDate" ("is" + "SueDate"): a field
            // no request has. Found by generating a client from the document (api-client).
            api.getComponents().getSchemas().values().stream()
                    .filter(schema -> schema.getProperties() != null && schema.getProperties().containsKey("issueDate"))
                    .forEach(schema -> {
                        schema.removeProperty("sueDate");
                        if (schema.getRequired() != null) {
                            schema.removeRequired("sueDate");
                        }
                    });
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, operation)));
    }

    private static void complete(String path, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>()); // public: "security: []" says so, rather than saying nothing
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getName().equals("limit") && parameter.getIn() == Parameter.In.QUERY)
                    .forEach(ApiDocument::pageSize);
        }
        APIResponses responses = operation.getResponses();
        boolean pathIds = path.contains("{");
        boolean input = pathIds || operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (input) {
            add(responses, "400", "Invalid input; the problem's errors name each field and what is wrong with it");
        }
        if (secured) {
            add(responses, "401", "No bearer token, or one that is unknown or has expired");
            add(responses, "403", path.startsWith(OPERATOR_PATHS) ? "Not the operator token"
                    : "Not a portal user's token: the operator uses /api/v1/operator");
        }
        if (pathIds) {
            add(responses, "404", path.startsWith(OPERATOR_PATHS) ? "No such resource"
                    : "No such resource in the caller's account (another account's is not found either)");
        }
        add(responses, "429", "Too many requests from this client or session; try again after Retry-After seconds");
        responses.getAPIResponse("429").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before the next request")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)));
        add(responses, "500", "An unexpected failure; the problem's detail names an incident id for support");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            boolean failure = response.getKey().startsWith("4") || response.getKey().startsWith("5");
            Content content = response.getValue().getContent();
            if (failure && (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty())) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    /** Every page's {@code limit} is read as text but is a page size: say so, as PageRequest checks it. */
    private static void pageSize(Parameter limit) {
        limit.schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                .minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(PAGE_MAX))
                .defaultValue(PAGE_DEFAULT));
        if (limit.getDescription() == null) {
            limit.description("How many items, 1 to " + PAGE_MAX + " (" + PAGE_DEFAULT + " if not given)");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem")
                .required(List.of("type", "title", "status", "detail"))
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri")
                        .description("Stable per kind of failure (urn:billing-portal:problem:…): clients branch on it"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .description("One entry per invalid field")
                        .items(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                                .required(List.of("field", "message"))
                                .addProperty("field", text)
                                .addProperty("message", text)));
    }
}
