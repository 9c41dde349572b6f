package org.safecity.registry;

/**
 * Where a camera's video can be pulled from, for the module that records it, and where it is steered.
 *
 * @param mainStream the RTSP address of the full-quality stream
 * @param subStream the RTSP address of the low-bitrate stream, or null when the camera has none
 * @param demo whether the camera belongs to the Peshawar demo network, whose addresses lead nowhere
 * @param onvifAddress the camera's ONVIF device service (http or https), or null when none is known; it answers to the
 *                     stream credentials ({@link CameraDirectory#streamCredentials})
 */
public record CameraStreams(CameraSummary camera, String mainStream, String subStream, boolean demo, String onvifAddress) {
}
