package dev.billingportal.adapter.in.web.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the pages' templates. They were compiled to Java classes with the adapter (jte-maven-plugin), so a
 * template error fails the build, not a visitor's request, and every {@code ${...}} is escaped for its HTML context.
 */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Views.class.getClassLoader(), "dev.billingportal.adapter.in.web.templates");

    /**
     * The page {@code template} ({@code users.jte}) showing {@code view}, as UTF-8: the template's static parts are
     * bytes already, so a page of hundreds of rows is never built as a String and encoded again (a fifth of the
     * time of {@code /users} with 200 users went to that, docs/performance.md).
     */
    public byte[] render(String template, Object view) {
        PageBuffer output = new PageBuffer(32 * 1024);
        engine.render(template, view, output);
        return output.toByteArray();
    }

    /** A fragment with several parameters ({@code users/row.jte} with its chrome and row). */
    public String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(2 * 1024);
        engine.render(template, parameters, output);
        return output.toString();
    }
}
