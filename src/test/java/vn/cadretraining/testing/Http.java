package vn.cadretraining.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client with its own cookie jar, for what a browser hides: headers, status codes, and
 * requests a page would never send (a tampered ViewState, an id not on the page).
 */
public final class Http {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public Http(URL base) {
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 as browsers speak it over plain http: the default HTTP/2 asks for an h2c upgrade on a new
                // connection, which the server drops when the request has a body (a POST after a keep-alive timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A form post with extra request headers ("Origin", "Referer"...), as another site's page would send it. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** This client's cookies as a Cookie request header, for a raw request made in its session. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /** The value of one of this client's cookies. */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** What a raw request got back: the status, the headers (names in lower case) and the body as Latin-1. */
    public record Raw(int status, Map<String, java.util.List<String>> headers, String body) {
        public String header(String name) {
            java.util.List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * Sends a request exactly as written (request line and headers, without the final blank line) over a plain
     * socket: for what a client library would refuse or normalise, such as "//host" paths, a forged Host, TRACE.
     */
    public static Raw raw(URL base, String head) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? answer : answer.substring(0, end)).split("\r\n");
            Map<String, java.util.List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                            k -> new java.util.ArrayList<>()).add(lines[i].substring(colon + 1).strip());
                }
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            return new Raw(status, headers, end < 0 ? "" : answer.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a raw request got back: the status and the body (read to the end of the connection). */
    public record Answer(int status, String body) {
    }

    /**
     * Posts a multipart form with a file of {@code fileBytes} bytes, streamed as it is sent (a 50 MB file is never
     * held in memory), with extra headers (e.g. {@code Faces-Request: partial/ajax}, as PrimeFaces sends uploads).
     * Sent over a plain socket as HTTP/1.0: a server that answers before the body is all sent (a request over its
     * limit) may close the connection meanwhile, and the answer is read all the same, as a browser does.
     */
    public Answer postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            long fileBytes, Map<String, String> headers) {
        String boundary = "----cadre" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(base + path);
        StringBuilder request = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.0\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Type: multipart/form-data; boundary=").append(boundary).append("\r\n")
                .append("Content-Length: ").append(start.length + fileBytes + end.length).append("\r\n");
        String jar = cookies.getCookieStore().get(uri).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!jar.isEmpty()) {
            request.append("Cookie: ").append(jar).append("\r\n");
        }
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(120_000);
            try {
                java.io.OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(start);
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (long left = fileBytes; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                out.write(end);
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before the whole body was sent: its answer is still there
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int body = answer.indexOf("\r\n\r\n");
            return new Answer(status, body < 0 ? "" : answer.substring(body + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a body as it is (a file, say) with its content type. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Follows redirects by hand (so that each response can be inspected) up to a page. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 5 && current.statusCode() / 100 == 3; i++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            URI uri = current.uri().resolve(location);
            current = send(HttpRequest.newBuilder(uri).GET().build());
        }
        return current;
    }

    /** Signs in through the sign-in form, as a browser would post it. */
    public HttpResponse<String> signIn(String username, String password) {
        return signIn(signInPage(), username, password);
    }

    /** The sign-in page, in this client's session. */
    public HttpResponse<String> signInPage() {
        HttpResponse<String> page = get("/login.xhtml");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("the sign-in page answered " + page.statusCode() + " "
                    + page.headers().map() + " " + page.body());
        }
        return page;
    }

    /** Posts the sign-in form of a sign-in page this client has opened. */
    public HttpResponse<String> signIn(HttpResponse<String> page, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        form.put("primefaces.nonce", nonce(page.body()));
        return post("/login.xhtml", form);
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no ViewState in the page");
        }
        return m.group(1);
    }

    /** The page's CSP nonce, which PrimeFaces expects back with every postback. */
    public static String nonce(String html) {
        Matcher m = NONCE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no nonce in the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
