package vn.cadretraining.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address the application is reached at, for links that leave it (QR codes on screens and certificates,
 * account slips): {@code APP_BASE_URL} when set (behind a proxy, or for certificates that must outlive a host
 * name), else the address of the current request.
 */
@Named
@RequestScoped
public class PublicAddress {

    @Inject
    HttpServletRequest request;

    public String getBase() {
        String configured = ConfigProvider.getConfig().getOptionalValue("APP_BASE_URL", String.class)
                .filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        int port = request.getServerPort();
        boolean standard = "http".equals(request.getScheme()) && port == 80 || "https".equals(request.getScheme()) && port == 443;
        return request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port) + request.getContextPath();
    }
}
