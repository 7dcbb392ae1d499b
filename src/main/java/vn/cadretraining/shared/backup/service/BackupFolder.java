package vn.cadretraining.shared.backup.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of backups: one sub-folder per backup, named after the time it was taken in Vietnam
 * ({@code 20261206-023000}), holding the database folder Derby wrote. A backup is written under a
 * {@code .partial} name and renamed once Derby has finished, so a folder with a plain name is always whole;
 * anything else in the folder is neither listed nor pruned.
 */
public final class BackupFolder {

    /** What the list shows of one backup (with bean getters for the page, whose EL does not read records). */
    public record Backup(String name, Path path, LocalDateTime takenAt, long bytes) {
        public String getName() {
            return name;
        }

        public LocalDateTime getTakenAt() {
            return takenAt;
        }

        public long getBytes() {
            return bytes;
        }
    }

    static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAMED = Pattern.compile("(\\d{8}-\\d{6})(?:-(\\d{1,3}))?");
    static final String PARTIAL = ".partial";

    private final Path root;

    public BackupFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The backups, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                Matcher m = NAMED.matcher(child.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(child)) {
                    continue;
                }
                try {
                    found.add(new Backup(child.getFileName().toString(), child,
                            LocalDateTime.parse(m.group(1), NAME), size(child)));
                } catch (DateTimeParseException notOurs) {
                    // digits that are no time (20261399-…): someone else's folder
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Backup::takenAt).thenComparing(Backup::name).reversed());
        return found;
    }

    /** A new, unused name for a backup taken at this time (a suffix if one was already taken in that second). */
    public String newName(LocalDateTime at) {
        String base = NAME.format(at);
        String name = base;
        for (int i = 2; Files.exists(root.resolve(name)) || Files.exists(root.resolve(name + PARTIAL)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** Where Derby writes a backup before it is complete. */
    public Path partial(String name) {
        return root.resolve(name + PARTIAL);
    }

    /** Gives a complete backup its plain name, so that it is listed. */
    public Path complete(String name) throws IOException {
        return Files.move(partial(name), root.resolve(name));
    }

    /**
     * Deletes what backups cut short left (the server stopped during one): only one backup runs at a time, so
     * a {@code .partial} folder seen when a new one starts belongs to none that is running.
     */
    public List<String> removeLeftovers() throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        List<Path> partials;
        try (Stream<Path> children = Files.list(root)) {
            partials = children.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(PARTIAL) && NAMED.matcher(name.substring(0, name.length() - PARTIAL.length())).matches();
            }).toList();
        }
        for (Path p : partials) {
            delete(p);
            removed.add(p.getFileName().toString());
        }
        return removed;
    }

    /** Deletes the backups beyond the newest {@code keep}; returns those deleted. */
    public List<Backup> prune(int keep) throws IOException {
        List<Backup> all = list();
        List<Backup> old = all.subList(Math.min(Math.max(keep, 1), all.size()), all.size());
        List<Backup> deleted = new ArrayList<>(old);
        for (Backup b : deleted) {
            delete(b.path());
        }
        return deleted;
    }

    public static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static long size(Path tree) throws IOException {
        long[] total = {0};
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
