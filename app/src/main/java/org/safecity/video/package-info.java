/**
 * Video: every camera's stream pulled over RTSP by a supervised FFmpeg process and remuxed, never
 * transcoded, into recorded segments (indexed in PostgreSQL) and a live HLS playlist; health per
 * camera and offline detection; retention by days and disk quota with holds for incidents, evidence
 * and legal orders; playback, snapshots and clip export into sealed evidence. Publishes
 * {@link org.safecity.video.CameraWentDark}; offers {@link org.safecity.video.FootageHolds} and a still of a
 * moment ({@link org.safecity.video.CameraStills}). A partner's camera
 * opens only for a stated purpose, each opening handed to {@link org.safecity.video.PartnerCameraAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Video recording and playback")
package org.safecity.video;
