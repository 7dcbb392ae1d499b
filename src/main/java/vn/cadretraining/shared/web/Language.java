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
 * saved when changed), so that it follows the person to another phone. The switch in the page shell posts to
 * /language (see {@code LanguageSwitchServlet}); a link with {@code ?lang=en} sets only this browser's cookie.
 */
@Named("language")
@RequestScoped
public class Language {

    public static final String COOKIE = "lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The language chosen during this request, which its own cookie header cannot show yet. */
    private static final String CHOSEN = "cadre.languageChosen";

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

    /**
     * Where the language switch (a form posted to /language) comes back to: this page's path inside the
     * application with its query, without any lang parameter.
     */
    public String getReturnPath() {
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = forwarded instanceof String f ? f : request.getRequestURI();
        Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
        String query = forwarded instanceof String ? (String) forwardedQuery : request.getQueryString();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        return Redirects.localPath(path + withoutLang(query));
    }

    /** A query string ("a=1&lang=en&b=2") as "?a=1&b=2", or "" when nothing is left. */
    public static String withoutLang(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("lang=")) {
                kept.append(kept.length() == 0 ? "?" : "&").append(part);
            }
        }
        return kept.toString();
    }

    public static Locale resolve(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof String chosen) {
            return Locale.forLanguageTag(chosen);
        }
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
        request.setAttribute(CHOSEN, tag);
    }
}
