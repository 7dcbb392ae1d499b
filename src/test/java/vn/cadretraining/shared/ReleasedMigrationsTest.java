package vn.cadretraining.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A released migration has run on somebody's database: editing it breaks Flyway's validation there (or, worse,
 * leaves two databases with different schemas under one version). Changes go in a new version; a version is
 * added to the recorded list (sha256sum's format) when it is released.
 */
class ReleasedMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path RECORDED = Path.of("src/test/resources/db/released-migrations.sha256");

    @Test
    void releasedMigrationsAreNeverEdited() throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RECORDED)) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                recorded.put(parts[1], parts[0]);
            }
        }
        assertTrue(recorded.size() >= 9, "the recorded list lost versions");
        for (Map.Entry<String, String> release : recorded.entrySet()) {
            Path file = MIGRATIONS.resolve(release.getKey());
            assertTrue(Files.exists(file), release.getKey() + " was released and is gone (renamed or deleted)");
            assertEquals(release.getValue(), sha256(file),
                    release.getKey() + " was released and has been edited: put the change in a new version");
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
