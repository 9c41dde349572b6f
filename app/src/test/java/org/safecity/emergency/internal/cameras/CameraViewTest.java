package org.safecity.emergency.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.shared.GeoPoint;

class CameraViewTest {

    private static final GeoPoint CAMERA = new GeoPoint(34.0080, 71.5785);

    @Test
    void a_camera_faces_a_point_whose_bearing_is_within_half_its_field_of_view_of_its_heading() {
        var east = CAMERA.offset(100, 90);
        assertThat(CameraView.faces(CAMERA, 90, 60, east)).isTrue();
        assertThat(CameraView.faces(CAMERA, 119, 60, east)).isTrue();   // 29 degrees off, 30 allowed
        assertThat(CameraView.faces(CAMERA, 125, 60, east)).isFalse();  // 35 degrees off
        assertThat(CameraView.faces(CAMERA, 270, 60, east)).isFalse();  // looking away
    }

    @Test
    void facing_wraps_around_north() {
        var justWestOfNorth = CAMERA.offset(100, 350);
        assertThat(CameraView.faces(CAMERA, 10, 42, justWestOfNorth)).isTrue();   // 20 degrees off, 21 allowed
        assertThat(CameraView.faces(CAMERA, 10, 38, justWestOfNorth)).isFalse();  // 19 allowed
    }

    @Test
    void a_camera_without_heading_or_field_of_view_faces_nothing_in_particular() {
        var east = CAMERA.offset(100, 90);
        assertThat(CameraView.faces(CAMERA, null, 60, east)).isFalse();
        assertThat(CameraView.faces(CAMERA, 90, null, east)).isFalse();
        assertThat(CameraView.faces(CAMERA, 0, 360, east)).isTrue();
    }

    @Test
    void the_bearing_is_measured_clockwise_from_north() {
        assertThat(CameraView.bearing(CAMERA, CAMERA.offset(500, 0))).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(CameraView.bearing(CAMERA, CAMERA.offset(500, 90))).isCloseTo(90, org.assertj.core.data.Offset.offset(0.01));
        assertThat(CameraView.bearing(CAMERA, CAMERA.offset(500, 225))).isCloseTo(225, org.assertj.core.data.Offset.offset(0.01));
    }
}
