package vn.cadretraining.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * The language of the pages: Vietnamese unless the person chose English. The choice lives in a cookie, so
 * that even the sign-in and error pages honour it without a session, and in the account (set at sign-in,
 * saved when changed), so that it follows the person to another phone.
 */
@Named("language")
@RequestScoped
public class Language {

    public static final String COOKIE = "lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Inject
    HttpServletRequest request;

    public Locale getLocale() {
        return resolve(request);
    }

    public boolean isEnglish() {
        return ENGLISH.getLanguage().equals(getLocale().getLanguage());
    }

    /** The language tag to switch to from the current one. */
    public String getOther() {
        return isEnglish() ? "vi" : "en";
    }

    /** The current address with the language switched, keeping the other query parameters. */
    public String getSwitchUrl() {
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = forwarded instanceof String f ? f : request.getRequestURI();
        Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
        String query = forwarded instanceof String ? (String) forwardedQuery : request.getQueryString();
        StringBuilder url = new StringBuilder(uri).append("?");
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith("lang=")) {
                    url.append(part).append('&');
                }
            }
        }
        return url.append("lang=").append(getOther()).toString();
    }

    public static Locale resolve(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && isSupported(c.getValue())) {
                    return Locale.forLanguageTag(c.getValue());
                }
            }
        }
        return VIETNAMESE;
    }

    public static boolean isSupported(String tag) {
        return "vi".equals(tag) || "en".equals(tag);
    }

    public static void remember(HttpServletRequest request, HttpServletResponse response, String tag) {
        if (!isSupported(tag)) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, tag);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
