package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;

class PlateReadingControllerTest extends IntegrationTest {

    private static final String BOUNDARY = "----plate-picture-boundary";
    private static final String FORM = "multipart/form-data; boundary=" + BOUNDARY;

    @Test
    void an_operator_sends_a_street_photo_and_gets_its_plate_with_text_format_confidence_and_box() {
        var scene = new PlateScenes(21, true).scene(PlateFormats.standard().named("punjab-year").orElseThrow(), "LEA-12-1234");

        var response = post(as(Role.OPERATOR), "/api/v1/vision/plates?purpose=FIR%20123/2026", "image", "street.jpg", scene.jpeg());

        assertThat(response.status()).isEqualTo(200);
        var best = response.json().get("plates").get(0);
        assertThat(best.get("text").asString()).isEqualTo("LEA-12-1234");
        assertThat(best.get("normalized").asString()).isEqualTo("LEA121234");
        assertThat(best.get("format").asString()).isEqualTo("punjab-year");
        assertThat(best.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(best.get("box").get("width").asInt()).isGreaterThan(best.get("box").get("height").asInt());
        var audit = as(Role.AUDITOR).get("/api/v1/audit?action=vision.plates-read&targetId=LEA121234").json().get("items");
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).get("reason").asString()).isEqualTo("FIR 123/2026");
    }

    @Test
    void a_photo_without_a_plate_answers_an_empty_list() {
        var response = post(as(Role.TRAFFIC_REVIEWER), "/api/v1/vision/plates", "image", "street.jpg",
            new PlateScenes(5, true).streetWithoutPlates());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("plates")).isEmpty();
    }

    @Test
    void a_file_that_is_not_a_picture_is_refused_as_a_problem_naming_the_field() {
        var response = post(as(Role.INVESTIGATOR), "/api/v1/vision/plates", "image", "plate.jpg",
            "LEA-12-1234 is not a picture".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("image").contains("JPEG or PNG");
    }

    @Test
    void a_form_without_the_image_field_is_refused() {
        var response = post(as(Role.SUPERVISOR), "/api/v1/vision/plates", "picture", "street.jpg",
            new PlateScenes(5, true).streetWithoutPlates());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void a_picture_over_the_limit_is_refused_as_too_large() {
        byte[] big = new byte[11 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;

        var response = post(as(Role.ADMIN), "/api/v1/vision/plates", "image", "huge.jpg", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void an_auditor_may_not_read_plates_and_nobody_signed_out_may() {
        byte[] picture = new PlateScenes(5, true).streetWithoutPlates();

        assertThat(post(as(Role.AUDITOR), "/api/v1/vision/plates", "image", "street.jpg", picture).status()).isEqualTo(403);
        assertThat(post(as(Role.PARTNER), "/api/v1/vision/plates", "image", "street.jpg", picture).status()).isEqualTo(403);
        assertThat(post(anonymous, "/api/v1/vision/plates", "image", "street.jpg", picture).status()).isEqualTo(401);
    }

    private static SafeCityApi.Response post(SafeCityApi caller, String path, String field, String filename, byte[] content) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
            + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return caller.post(path, FORM, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
