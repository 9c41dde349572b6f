package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.safecity.vision.internal.Pictures.cosine;
import static org.safecity.vision.internal.Pictures.read;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.FaceFinder.FoundFace;
import org.safecity.vision.internal.faces.BlazeFace;
import org.safecity.vision.internal.faces.FaceRes;
import org.safecity.vision.internal.faces.ModelFaceFinder;

/** The shipped BlazeFace and FaceRes models on real photographs. */
class FaceFinderTest {

    private static OnnxModel detector;
    private static OnnxModel embedder;
    private static FaceFinder faces;

    @BeforeAll
    static void load() {
        detector = OnnxModel.load(BlazeFace.RESOURCE, 1);
        embedder = OnnxModel.load(FaceRes.RESOURCE, 1);
        faces = new ModelFaceFinder(new BlazeFace(detector), new FaceRes(embedder));
    }

    @AfterAll
    static void close() {
        detector.close();
        embedder.close();
    }

    private static FoundFace onlyFace(BufferedImage picture) {
        var found = faces.find(picture);
        assertThat(found).as("faces found").hasSize(1);
        return found.getFirst();
    }

    @Test
    void the_astronaut_s_face_is_found_where_it_is_in_her_portrait() {
        var face = onlyFace(read("astronaut.jpg"));

        // her face spans about x 180-270, y 80-180 of the 512 × 512 portrait
        assertThat(face.box().x() + face.box().width() / 2).isBetween(205, 250);
        assertThat(face.box().y() + face.box().height() / 2).isBetween(105, 150);
        assertThat(face.box().width()).isBetween(80, 140);
        assertThat(face.confidence()).isGreaterThan(0.75);
    }

    @Test
    void a_face_of_about_forty_pixels_in_a_1280_by_720_frame_is_found_at_its_place() {
        // the portrait at 0.4: her face is about 42 pixels wide, at about (1000 + 90, 400 + 50)
        var frame = Pictures.frameWith(read("astronaut.jpg"), 0.4, 1000, 400);

        var face = onlyFace(frame);

        assertThat(face.box().x() + face.box().width() / 2).isBetween(1075, 1105);
        assertThat(face.box().y() + face.box().height() / 2).isBetween(440, 465);
        assertThat(face.box().width()).isBetween(30, 60);
    }

    @Test
    void a_picture_of_a_coffee_cup_holds_no_face() {
        assertThat(faces.find(read("coffee.png"))).isEmpty();
    }

    @Test
    void an_empty_grey_frame_holds_no_face() {
        assertThat(faces.find(Pictures.frameWith(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 1, -10, -10))).isEmpty();
    }

    @Test
    void a_face_s_embedding_is_1024_numbers_of_unit_length_named_by_its_model() {
        var face = onlyFace(read("astronaut.jpg"));

        assertThat(face.model()).isEqualTo("faceres-1024");
        assertThat(face.embedding()).hasSize(1024);
        assertThat(cosine(face.embedding(), face.embedding())).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void the_same_picture_embeds_the_same_every_time() {
        var picture = read("astronaut.jpg");

        assertThat(onlyFace(picture).embedding()).containsExactly(onlyFace(picture).embedding());
    }

    @Test
    void the_same_face_mirrored_and_smaller_embeds_closer_than_another_person_s() {
        var astronaut = onlyFace(read("astronaut.jpg")).embedding();
        var again = onlyFace(Pictures.frameWith(Pictures.mirrored(read("astronaut.jpg")), 0.7, 300, 100)).embedding();
        var other = onlyFace(read("face-swapped.jpg")).embedding();

        assertThat(cosine(astronaut, again)).as("same face").isGreaterThan(0.85);
        assertThat(cosine(astronaut, other)).as("another person").isLessThan(0.5);
    }

    @Test
    void a_tilted_head_is_levelled_by_its_eyes_before_it_is_embedded() {
        var upright = onlyFace(read("astronaut.jpg")).embedding();
        var tilted = onlyFace(Pictures.turned(read("astronaut.jpg"), 40)).embedding();

        // cut level, the tilted face embeds at about 0.94 of the upright one; cut as it lies, at about 0.73
        assertThat(cosine(upright, tilted)).isGreaterThan(0.88);
    }
}
