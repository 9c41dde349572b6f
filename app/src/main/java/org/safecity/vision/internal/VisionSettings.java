package org.safecity.vision.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Frame analysis settings ({@code safecity.vision.*}); see the README for each.
 *
 * @param analysis whether this node analyses camera frames at all (the settings API answers either way)
 * @param frameWidth frames are decoded at most this wide (the aspect ratio kept) for the analysers
 * @param threads how many frames are analysed at once on this node; 0 = one per core
 * @param motionThreshold grey levels (0-255) a cell of the reduced frame must change by to count as moving
 * @param motionShare share of cells (0-1) that must move for a frame to be shown to the models
 * @param settingsRefresh how often the cameras' analytics settings are read again (changes made through another instance)
 * @param plateQuiet a vehicle's plate reads are voted once no frame has read the plate for this long
 * @param plateLongest ... or at the latest this long after its first read
 * @param plateAgreeing ... or as soon as this many reads in a row agree, each surely, and the plate has crossed one of the
 *                      camera's lines (if it has any); 0 = plates wait for the quiet or the longest time
 * @param trackLostAfter frames without a match after which a track ends
 * @param faceRepeat a face like one this camera reported within this time is not reported again
 * @param threadsPerRun threads ONNX Runtime gives one model run (frames run side by side, each on its own)
 * @param demoCamera with the demo: which recorded demo camera (by position) shows the demo street with plates
 */
@ConfigurationProperties("safecity.vision")
public record VisionSettings(@DefaultValue("true") boolean analysis,
                      @DefaultValue("1280") int frameWidth,
                      @DefaultValue("0") int threads,
                      @DefaultValue("12") int motionThreshold,
                      @DefaultValue("0.002") double motionShare,
                      @DefaultValue("5s") Duration settingsRefresh,
                      @DefaultValue("2s") Duration plateQuiet,
                      @DefaultValue("6s") Duration plateLongest,
                      @DefaultValue("3") int plateAgreeing,
                      @DefaultValue("4") int trackLostAfter,
                      @DefaultValue("10s") Duration faceRepeat,
                      @DefaultValue("1") int threadsPerRun,
                      @DefaultValue("2") int demoCamera) {

    public int analysisThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
