package dev.billingportal.adapter.in.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' stylesheet, script and htmx, served from this jar under names that carry a hash of their content
 * ({@code /assets/portal.3f2a9c1b7e.css}): a browser may keep each for a year, and a new release changes the name.
 * Everything is loaded once, at startup; nothing comes from another origin (spec §9).
 */
public final class Assets {
    public static final String PREFIX = "/assets/";

    /** One asset: its bytes and media type. */
    public record Asset(byte[] bytes, String mediaType) {
    }

    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Asset> byUrl = new LinkedHashMap<>();

    private Assets() {
    }

    /** The portal's own assets, htmx from its webjar, and the stylesheets made at startup (by name). */
    public static Assets load(Map<String, String> generatedStylesheets) {
        Assets assets = new Assets();
        generatedStylesheets.forEach((name, css) -> assets.add(name, css.getBytes(StandardCharsets.UTF_8),
                "text/css; charset=utf-8"));
        assets.add("portal.css", "web/assets/portal.css", "text/css; charset=utf-8");
        assets.add("portal.js", "web/assets/portal.js", "text/javascript; charset=utf-8");
        assets.add("htmx.js", "META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js",
                "text/javascript; charset=utf-8");
        assets.add("favicon.svg", "web/assets/favicon.svg", "image/svg+xml");
        return assets;
    }

    private void add(String name, String resource, String mediaType) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing web asset " + resource);
            }
            add(name, in.readAllBytes(), mediaType);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void add(String name, byte[] bytes, String mediaType) {
        int dot = name.lastIndexOf('.');
        String url = PREFIX + name.substring(0, dot) + "." + hash(bytes) + name.substring(dot);
        urls.put(name, url);
        byUrl.put(url, new Asset(bytes, mediaType));
    }

    /** The current URL of an asset, for the pages to link. */
    public String url(String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new IllegalArgumentException("No asset " + name);
        }
        return url;
    }

    public Optional<Asset> find(String path) {
        return Optional.ofNullable(byUrl.get(path));
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return "Assets" + urls.values();
    }
}
