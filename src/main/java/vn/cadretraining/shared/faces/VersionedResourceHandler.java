package vn.cadretraining.shared.faces;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Gives the application's own resources (webapp/resources: app.css, app.js, the logo) a {@code v=} parameter
 * taken from their content, as PrimeFaces does for its own with its version. A versioned address never changes
 * meaning, so the browser may keep it for a year (SecurityHeadersFilter) and a new deployment is still seen at once.
 */
public class VersionedResourceHandler extends ResourceHandlerWrapper {

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public VersionedResourceHandler(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return versioned(super.createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return versioned(super.createResource(resourceName, libraryName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return versioned(super.createResource(resourceName, libraryName, contentType));
    }

    private Resource versioned(Resource resource) {
        // libraries (PrimeFaces, OmniFaces) version their own addresses
        if (resource == null || resource.getLibraryName() != null) {
            return resource;
        }
        String version = versions.computeIfAbsent(resource.getResourceName(), name -> checksum(resource));
        return new ResourceWrapper(resource) {
            @Override
            public String getRequestPath() {
                String path = super.getRequestPath();
                return path.contains("v=") ? path : path + (path.contains("?") ? "&" : "?") + "v=" + version;
            }
        };
    }

    private static String checksum(Resource resource) {
        CRC32 crc = new CRC32();
        try (InputStream in = resource.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Long.toString(crc.getValue(), 36);
    }
}
