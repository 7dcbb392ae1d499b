package vn.cadretraining.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedirectsTest {

    @Test
    void aWayBackIsAlwaysAPathOfThisApplication() {
        assertEquals("/index.xhtml?a=1", Redirects.localPath("/index.xhtml?a=1"));
        assertEquals("/evil.example/x", Redirects.localPath("//evil.example/x"), "another site to a browser");
        assertEquals("/evil.example", Redirects.localPath("/\\evil.example"));
        assertEquals("/evil.example", Redirects.localPath("\\\\evil.example"));
        assertEquals("/http://evil.example/", Redirects.localPath("http://evil.example/"), "a path, not an address");
        assertEquals("/%2F%2Fevil.example", Redirects.localPath("/%2F%2Fevil.example"), "never decoded into //");
        assertEquals("/", Redirects.localPath("/a\r\nSet-Cookie: x=1"), "no header injection");
        assertEquals("/", Redirects.localPath("/a\\b"));
        assertEquals("/", Redirects.localPath(null));
    }

    @Test
    void onlyALoopbackNameLendsItsAddressWithoutAppBaseUrl() {
        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1"}) {
            assertTrue(PublicAddress.isLoopback(host), host);
        }
        for (String host : new String[] {"evil.example", "localhost.evil.example", "127.0.0.1.evil.example", "10.0.0.1",
                "", null}) {
            assertFalse(PublicAddress.isLoopback(host), String.valueOf(host));
        }
        assertTrue(PublicAddress.isAddressOfThisConnection("192.0.2.2", "192.0.2.2"), "the server's own IP, as dialled");
        assertTrue(PublicAddress.isAddressOfThisConnection("[fe80::1]", "fe80::1"));
        assertFalse(PublicAddress.isAddressOfThisConnection("192.0.2.3", "192.0.2.2"));
        assertFalse(PublicAddress.isAddressOfThisConnection("evil.example", "192.0.2.2"), "a name is never taken");
    }
}
