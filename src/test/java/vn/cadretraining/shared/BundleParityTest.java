package vn.cadretraining.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every string exists in both languages, and every key a page or class uses exists in the bundle. */
class BundleParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages", "ValidationMessages"})
    void vietnameseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties vi = load(bundle + "_vi.properties");
        Properties en = load(bundle + "_en.properties");
        Set<String> onlyVi = new TreeSet<>(vi.stringPropertyNames());
        onlyVi.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(vi.stringPropertyNames());
        assertEquals(Set.of(), onlyVi, "keys missing in English");
        assertEquals(Set.of(), onlyEn, "keys missing in Vietnamese");
        for (String key : vi.stringPropertyNames()) {
            assertFalse(vi.getProperty(key).isBlank(), key + " is empty in Vietnamese");
            assertFalse(en.getProperty(key).isBlank(), key + " is empty in English");
        }
    }

    @Test
    void theVietnameseBundleIsReallyVietnamese() throws IOException {
        Properties vi = load("i18n/messages_vi.properties");
        assertEquals("Đăng nhập", vi.getProperty("login.title"), "read as UTF-8 with its diacritics");
    }

    /** msg['key'] in pages and Messages.*("key") in Java must name keys that exist. */
    @Test
    void everyLiteralKeyUsedExists() throws IOException {
        Set<String> keys = load("i18n/messages_vi.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern page = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
        Pattern java = Pattern.compile("(?:Messages\\.(?:info|warn|error|errorFor|text)\\((?:\"[^\"]*\", )?"
                + "|BusinessException\\(|Problem\\(|refuse\\(|PreviewLine\\()\"([A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("webapp")), Files.walk(Path.of("src/main/java")))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.toString();
                if (!name.endsWith(".xhtml") && !name.endsWith(".java")) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = (name.endsWith(".xhtml") ? page : java).matcher(text);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys used but not in the bundle: " + missing);
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleParityTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
