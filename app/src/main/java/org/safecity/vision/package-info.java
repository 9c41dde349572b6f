/**
 * SafeCity's own eyes: turns the frames of the video SafeCity already receives, and stills that
 * people upload, into plate reads, faces, people and vehicles. Everything it finds about a camera
 * enters through the detections intake like any device's detections. It keeps each camera's analytics
 * settings, the plate reads it reported with their crops (read by other modules through
 * {@link org.safecity.vision.PlateCrops}), people's corrections of those reads, and which crops became
 * evidence in a case (through the evidence module's intake).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vision")
package org.safecity.vision;
