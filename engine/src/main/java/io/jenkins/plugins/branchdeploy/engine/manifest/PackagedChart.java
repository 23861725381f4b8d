package io.jenkins.plugins.branchdeploy.engine.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads gzip-compressed tar archives as Helm packages them. */
final class PackagedChart {

    private PackagedChart() {}

    /** Unpacks a packaged chart into {@code into}; returns the chart's directory (the archive's top folder). */
    static Path unpack(Path archive, Path into) throws IOException {
        Path top = null;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String octalSize = field(header, 124, 12).trim();
                long size = octalSize.isEmpty() ? 0 : Long.parseLong(octalSize, 8);
                char type = (char) header[156];
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x' || type == 'L') {
                    longName = type == 'L' ? new String(content, StandardCharsets.UTF_8).trim() : paxPath(content);
                    continue;
                }
                if (type == 'g') {
                    continue;
                }
                String prefix = field(header, 345, 155);
                String name = longName != null ? longName : (prefix.isEmpty() ? "" : prefix + "/") + field(header, 0, 100);
                longName = null;
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into) || target.equals(into)) {
                    throw new IOException(archive.getFileName() + " holds an entry outside its folder: " + name);
                }
                Path first = into.resolve(into.relativize(target).getName(0));
                top = top == null ? first : top;
                if (type == '5') {
                    Files.createDirectories(target);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(target.getParent());
                    Files.write(target, content);
                }
            }
        }
        if (top == null || !Files.isRegularFile(top.resolve("Chart.yaml"))) {
            throw new IOException(archive.getFileName() + " is not a packaged Helm chart (no folder with Chart.yaml)");
        }
        return top;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String paxPath(byte[] content) {
        for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int path = record.indexOf(" path=");
            if (path >= 0) {
                return record.substring(path + 6);
            }
        }
        return null;
    }
}
