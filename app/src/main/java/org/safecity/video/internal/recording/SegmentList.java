package org.safecity.video.internal.recording;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The segment muxer's CSV list: one line {@code file,start,end} per closed segment, appended as each closes. */
final class SegmentList {
    record Entry(String file, double start, double end) {
    }

    private final Path path;
    private long offset;

    SegmentList(Path path) {
        this.path = path;
    }

    List<Entry> closed() throws IOException {
        var entries = new ArrayList<Entry>();
        try (var file = new RandomAccessFile(path.toFile(), "r")) {
            if (file.length() <= offset) {
                return entries;
            }
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n');
            if (complete < 0) {
                return entries;
            }
            offset += text.substring(0, complete + 1).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, complete).split("\n")) {
                String[] parts = line.strip().split(",");
                if (parts.length >= 3) {
                    entries.add(new Entry(parts[0], Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
                }
            }
        }
        return entries;
    }
}
