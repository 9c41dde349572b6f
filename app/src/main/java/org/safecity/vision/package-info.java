/**
 * SafeCity's own eyes: turns the frames of the video SafeCity already receives, and stills that
 * people upload, into plate reads, faces, people and vehicles. Everything it finds about a camera
 * enters through the detections intake like any device's detections; it stores nothing of its own
 * beside each camera's analytics settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vision")
package org.safecity.vision;
