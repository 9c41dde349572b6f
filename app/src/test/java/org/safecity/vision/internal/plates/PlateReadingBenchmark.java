package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * What a 1280×720 frame costs the plate reader: milliseconds of one core per frame (the reading
 * thread's CPU time, median and p90; the sessions run on the calling thread) and elapsed, then
 * frames per second with {@code --threads} readers sharing one reader instance. Each
 * configuration is measured in the same run on the same drawn frames, so their ratio holds even on
 * a machine shared with other work.
 *
 * <pre>
 * PlateReadingBenchmark [--frames 40] [--threads 2] [--configs V4:V4:640-960:1.25,V4:V4:960,V3:V3:640] [--empty 10]
 * </pre>
 * A configuration is detector : recogniser : long side (one, or least-most: half the picture's within them) [: closer look].
 * Frames are read as a camera's video frames ({@link org.safecity.vision.internal.PlateReader#readFrame}). With
 * {@code --empty N}, each configuration is also timed on N drawn streets with shop signs and no vehicle, read as video
 * frames and as stills: a still in which nothing is read may cost more than one with a plate (the look in quarters).
 */
public final class PlateReadingBenchmark {

    public static void main(String[] args) throws Exception {
        int frames = 40;
        int threads = 2;
        String configs = "V4:V4:640-960:1.25,V4:V4:960,V3:V3:640";
        int empty = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--configs" -> configs = args[i + 1];
                case "--empty" -> empty = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var scenes = new PlateScenes(1280);
        var pictures = new ArrayList<BufferedImage>();
        for (int i = 0; i < frames; i++) {
            pictures.add(ImageIO.read(new ByteArrayInputStream(scenes.next(i).jpeg())));
        }
        var streets = new ArrayList<BufferedImage>();
        var plateless = new PlateScenes(1280);
        for (int i = 0; i < empty; i++) {
            streets.add(ImageIO.read(new ByteArrayInputStream(plateless.streetWithoutPlates())));
        }
        System.out.printf("%d frames 1280x720, %d cores (%s), %s %s%n", frames, Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (String config : configs.split(",")) {
            String[] parts = config.split(":");
            try (var reader = PlateReadingEvaluation.reader(OcrModels.Generation.valueOf(parts[0]), OcrModels.Generation.valueOf(parts[1]),
                parts[2], parts.length > 3 ? Double.parseDouble(parts[3]) : 0)) {
                measure(config, reader, pictures, threads);
                if (!streets.isEmpty()) {
                    double[] cpu = cpuMillis(reader::readFrame, streets);
                    double[] asStills = cpuMillis(reader::read, streets);
                    System.out.printf("  %s, frames without a plate: one core %.0f ms median, %.0f p90; the same as stills %.0f, %.0f%n", config,
                        PlateReadingEvaluation.percentile(cpu, 0.5), PlateReadingEvaluation.percentile(cpu, 0.9),
                        PlateReadingEvaluation.percentile(asStills, 0.5), PlateReadingEvaluation.percentile(asStills, 0.9));
                }
            }
        }
    }

    private static void measure(String config, OcrPlateReader reader, List<BufferedImage> pictures, int threads) throws Exception {
        for (int i = 0; i < Math.min(3, pictures.size()); i++) {
            reader.readFrame(pictures.get(i)); // warm up
        }
        var bean = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[pictures.size()];
        double[] elapsed = new double[pictures.size()];
        for (int i = 0; i < pictures.size(); i++) {
            long start = System.nanoTime();
            long cpuStart = bean.getCurrentThreadCpuTime();
            reader.readFrame(pictures.get(i));
            cpu[i] = (bean.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            elapsed[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(elapsed);
        // the first readings side by side pay for ONNX Runtime's memory of each concurrent run: warm that up too
        inParallel(reader, pictures, threads, threads * 3);
        long start = System.nanoTime();
        inParallel(reader, pictures, threads, pictures.size() * 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("detector:recogniser:long side[:closer look] %s: one core %.0f ms a frame median, %.0f p90 (elapsed %.0f, %.0f); "
                + "%d threads %.1f frames/s%n", config, PlateReadingEvaluation.percentile(cpu, 0.5), PlateReadingEvaluation.percentile(cpu, 0.9),
            PlateReadingEvaluation.percentile(elapsed, 0.5), PlateReadingEvaluation.percentile(elapsed, 0.9), threads,
            pictures.size() * 2 / seconds);
    }

    /** The reading thread's CPU milliseconds for each picture, sorted, after one reading to warm up. */
    private static double[] cpuMillis(java.util.function.Function<BufferedImage, ?> reader, List<BufferedImage> pictures) {
        reader.apply(pictures.getFirst());
        var bean = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[pictures.size()];
        for (int i = 0; i < pictures.size(); i++) {
            long start = bean.getCurrentThreadCpuTime();
            reader.apply(pictures.get(i));
            cpu[i] = (bean.getCurrentThreadCpuTime() - start) / 1e6;
        }
        java.util.Arrays.sort(cpu);
        return cpu;
    }

    private static void inParallel(OcrPlateReader reader, List<BufferedImage> pictures, int threads, int readings) throws Exception {
        var next = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < readings; i = next.getAndIncrement()) {
                        reader.readFrame(pictures.get(i % pictures.size()));
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        }
    }

    private PlateReadingBenchmark() {
    }
}
