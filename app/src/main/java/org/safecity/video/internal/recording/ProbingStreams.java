package org.safecity.video.internal.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safecity.registry.StreamCredentials;
import org.safecity.storage.StorageSettings;
import org.safecity.video.StreamProbe;
import org.safecity.video.internal.Ffmpeg;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StreamProbe} with the shipped ffprobe: the stream's description plus the video packets of its
 * first {@value #SECONDS} seconds (sizes and times, no decoding), from which the bitrate and, when the
 * stream does not declare it, the frame rate are counted. Credentials go through an owner-only concat
 * list as for recording, never into the process's arguments.
 */
@Component
class ProbingStreams implements StreamProbe {

    static final int SECONDS = 3;
    /** Connecting and each read give up after this long, so an unreachable address is answered quickly. */
    private static final long IO_TIMEOUT_MICROS = 5_000_000;
    private static final long PROCESS_TIMEOUT_SECONDS = 20;

    private final Ffmpeg ffmpeg;
    private final StorageSettings storage;
    private final JsonMapper json = JsonMapper.builder().build();

    ProbingStreams(Ffmpeg ffmpeg, StorageSettings storage) {
        this.ffmpeg = ffmpeg;
        this.storage = storage;
    }

    @Override
    public Result probe(String rtspAddress, StreamCredentials credentials) {
        java.nio.file.Path folder = null;
        try {
            java.nio.file.Path parent = storage.dataDir().toAbsolutePath().resolve("probes");
            org.safecity.storage.OwnerOnly.folders(parent);
            folder = Files.createTempDirectory(parent, "probe-");
            var args = new ArrayList<>(List.of("-v", "error", "-analyzeduration", "3000000", "-probesize", "5000000"));
            args.addAll(new StreamSource.Rtsp(rtspAddress, null, credentials).inputs(IO_TIMEOUT_MICROS, folder));
            args.addAll(List.of("-select_streams", "v:0", "-read_intervals", "%+" + SECONDS,
                "-show_entries", "stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate:packet=size,pts_time",
                "-of", "json"));
            byte[] out = ffmpeg.probe(args, PROCESS_TIMEOUT_SECONDS);
            return read(json.readTree(out));
        } catch (IOException e) {
            return failure(e.getMessage() == null ? "" : e.getMessage());
        } finally {
            if (folder != null) {
                FileSystemUtils.deleteRecursively(folder.toFile());
            }
        }
    }

    static Result read(JsonNode root) {
        JsonNode stream = null;
        for (JsonNode s : root.path("streams")) {
            if ("video".equals(s.path("codec_type").asString(""))) {
                stream = s;
                break;
            }
        }
        if (stream == null || stream.path("width").asInt(0) <= 0) {
            return new Unplayable(Failure.NO_VIDEO, "the stream carries no video");
        }
        long bytes = 0;
        int frames = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        for (JsonNode p : root.path("packets")) {
            bytes += p.path("size").asLong(0);
            frames++;
            double t = parse(p.path("pts_time").asString(""));
            if (!Double.isNaN(t)) {
                first = Double.isNaN(first) ? t : Math.min(first, t);
                last = Double.isNaN(last) ? t : Math.max(last, t);
            }
        }
        double span = Double.isNaN(first) ? 0 : last - first;
        double declared = rate(stream.path("avg_frame_rate").asString(""));
        if (declared <= 0) {
            declared = rate(stream.path("r_frame_rate").asString(""));
        }
        // a declared rate above what a camera sends (90000/1 from some RTP timebases) is no rate at all
        double frameRate = declared > 0 && declared <= 240 ? declared : span > 0 ? (frames - 1) / span : 0;
        long bitrate = span >= 0.5 ? Math.round(bytes * 8 / span) : 0;
        return new Playable(stream.path("codec_name").asString("unknown"), stream.path("width").asInt(),
            stream.path("height").asInt(), Math.round(frameRate * 100) / 100.0, bitrate);
    }

    /** FFmpeg's error output, sorted into what the person adding the camera can act on. */
    static Unplayable failure(String message) {
        String detail = message.replaceAll("rtsp(s?)://[^@/\\s]*@", "rtsp$1://").strip();
        if (detail.length() > 300) {
            detail = detail.substring(detail.length() - 300);
        }
        // the address is left out of what is matched: a port or path with 401 or 404 in it says nothing
        String m = message.replaceAll("rtsps?://\\S*", "").toLowerCase(Locale.ROOT);
        if (m.matches("(?s).*\\b401\\b.*") || m.contains("unauthorized")) {
            return new Unplayable(Failure.WRONG_CREDENTIALS, detail);
        }
        if (m.matches("(?s).*\\b404\\b.*") || m.contains("not found") && !m.contains("host")) {
            return new Unplayable(Failure.NOT_FOUND, detail);
        }
        if (m.contains("invalid data found")) {
            return new Unplayable(Failure.NOT_FOUND, detail);
        }
        return new Unplayable(Failure.UNREACHABLE, detail);
    }

    private static double rate(String fraction) {
        int slash = fraction.indexOf('/');
        if (slash < 0) {
            return parse(fraction);
        }
        double n = parse(fraction.substring(0, slash));
        double d = parse(fraction.substring(slash + 1));
        return d > 0 && !Double.isNaN(n) ? n / d : 0;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
