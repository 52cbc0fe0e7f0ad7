package org.jwebrtc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code ../shared} (RFC texts, vectors, KVS captures) beside the checkout.
 * The build passes {@code -Djwebrtc.shared.dir}; when a test runs from an IDE we walk up from the
 * working directory until a sibling {@code shared/vectors} appears.
 */
public final class SharedFiles {
    private static final Path ROOT = locate();

    private SharedFiles() {}

    public static Path root() {
        return ROOT;
    }

    public static Path vectors(String first, String... more) {
        return ROOT.resolve("vectors").resolve(Path.of(first, more));
    }

    public static Path kvs(String first, String... more) {
        return ROOT.resolve("kvs").resolve(Path.of(first, more));
    }

    public static Path rfc(int number) {
        return ROOT.resolve("rfc").resolve("rfc" + number + ".txt");
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }

    /** Hex text with any whitespace (and {@code #} comments to end of line) removed. */
    public static byte[] hexFile(Path p) {
        StringBuilder sb = new StringBuilder();
        for (String line : text(p).split("\n")) {
            int hash = line.indexOf('#');
            sb.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(sb.toString());
    }

    public static Object json(Path p) {
        return Json.parse(text(p));
    }

    /** Regular files directly in {@code dir}, sorted by name. */
    public static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String prop = System.getProperty("jwebrtc.shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop, "vectors"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("vectors"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("cannot find ../shared (set -Djwebrtc.shared.dir)");
    }
}
