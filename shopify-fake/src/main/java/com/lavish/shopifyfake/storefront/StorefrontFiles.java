package com.lavish.shopifyfake.storefront;

import static com.lavish.shopifyfake.storefront.StorefrontAnswers.text;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The files a storefront page loads: the extension's assets (what Shopify's CDN serves for {@code asset_url}) and the
 * fake theme's own script and stylesheet. A name is one path segment of plain characters, so no request reaches
 * outside its folder.
 */
final class StorefrontFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private StorefrontFiles() {}

    static void asset(HttpServerRequest request, Path folder, String name) {
        Path file = folder.resolve(name);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            text(request.response(), 404, "no asset named '" + name + "'");
            return;
        }
        try {
            file(request.response(), name, Files.readAllBytes(file));
        } catch (IOException e) {
            text(request.response(), 500, "cannot read the asset " + name);
        }
    }

    static void themeFile(HttpServerRequest request, String name) {
        if (!NAME.matcher(name).matches()) {
            text(request.response(), 404, "no theme file named '" + name + "'");
            return;
        }
        try (InputStream in = StorefrontFiles.class.getClassLoader().getResourceAsStream("storefront/" + name)) {
            if (in == null || name.endsWith(".liquid")) {
                text(request.response(), 404, "no theme file named '" + name + "'");
                return;
            }
            file(request.response(), name, in.readAllBytes());
        } catch (IOException e) {
            text(request.response(), 500, "cannot read the theme file " + name);
        }
    }

    private static void file(HttpServerResponse response, String name, byte[] bytes) {
        String type = name.endsWith(".js") || name.endsWith(".mjs")
                ? "text/javascript; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
        response.putHeader("Content-Type", type)
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(Buffer.buffer(bytes));
    }
}
