package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.safecity.vision.internal.PixelBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The reader with the real PP-OCR models on drawn street scenes, without Spring; as configured by default but where a case says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrPlateReaderTest {

    private OcrPlateReader reader;

    @BeforeAll
    void openModels() {
        reader = new OcrPlateReader(OcrModels.Generation.V4, OcrModels.Generation.V4, 960);
    }

    @AfterAll
    void closeModels() {
        reader.close();
    }

    @Test
    void a_plate_of_every_format_on_a_car_in_the_street_is_read_first_and_named() {
        var scenes = new PlateScenes(7, true);
        for (var format : PlateFormats.standard().all()) {
            String printed = scenes.text(format.template());
            var scene = scenes.scene(format, printed);

            var reads = reader.read(picture(scene.jpeg()));

            assertThat(reads).as("%s %s", format.name(), printed).isNotEmpty();
            assertThat(reads.getFirst().normalized()).as("%s %s", format.name(), printed).isEqualTo(scene.normalized());
            assertThat(reads.getFirst().confidence()).isBetween(0.5, 1.0);
        }
    }

    @Test
    void the_format_named_is_the_one_that_prints_the_plate_so() {
        var scenes = new PlateScenes(11, true);
        var format = PlateFormats.standard().named("islamabad").orElseThrow();
        var scene = scenes.scene(format, "ICT-LE-456");

        var read = reader.read(picture(scene.jpeg())).getFirst();

        assertThat(read.text()).isEqualTo("ICT-LE-456");
        assertThat(read.normalized()).isEqualTo("ICTLE456");
        assertThat(read.format()).isEqualTo("islamabad");
    }

    @Test
    void the_box_of_a_plate_read_surrounds_the_plate() {
        var scene = new PlateScenes(3, true).scene(PlateFormats.standard().named("punjab").orElseThrow(), "LHR 5678");
        var image = picture(scene.jpeg());

        var box = reader.read(image).getFirst().box();

        assertThat(box.width()).isGreaterThan(box.height());
        assertThat(box.right()).isLessThanOrEqualTo(image.getWidth());
        assertThat(box.bottom()).isLessThanOrEqualTo(image.getHeight());
    }

    @Test
    void a_frame_is_read_only_in_the_parts_that_moved_with_the_boxes_in_the_whole_frame() {
        var scene = new PlateScenes(3, true).scene(PlateFormats.standard().named("punjab").orElseThrow(), "LHR 5678");
        var frame = picture(scene.jpeg());
        var whole = reader.readFrame(frame).getFirst();
        var plate = whole.box();
        var vehicle = new PixelBox(Math.max(0, plate.x() - 120), Math.max(0, plate.y() - 90), plate.width() + 240, plate.height() + 150);
        var sky = new PixelBox(0, 0, 1280, 200);

        var inVehicle = reader.readFrame(frame, List.of(sky, vehicle));

        assertThat(inVehicle).extracting(r -> r.normalized()).first().isEqualTo("LHR5678");
        var box = inVehicle.getFirst().box();
        assertThat(Math.abs(box.x() - plate.x()) + Math.abs(box.y() - plate.y()) + Math.abs(box.right() - plate.right())
            + Math.abs(box.bottom() - plate.bottom())).as("the box, in the frame's pixels: %s against %s", box, plate).isLessThanOrEqualTo(8);
        assertThat(reader.readFrame(frame, List.of(sky))).as("the plate did not move").isEmpty();
    }

    @Test
    void a_small_picture_of_the_plate_alone_is_read() {
        var image = new BufferedImage(180, 70, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(0, 0, 180, 70);
        PlateArtwork.draw(g, "BKX-123", PlateArtwork.Livery.SINDH, 5, 5, 170);
        g.dispose();

        var reads = reader.read(image);

        assertThat(reads).extracting(r -> r.normalized()).first().isEqualTo("BKX123");
    }

    /** A grey picture with one Punjab plate this wide, its top left corner at (x, y). */
    private static BufferedImage plateOf(int pictureWidth, int pictureHeight, int x, int y, int plateWidth) {
        var picture = new BufferedImage(pictureWidth, pictureHeight, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x5A, 0x5A, 0x5E));
        g.fillRect(0, 0, pictureWidth, pictureHeight);
        PlateArtwork.draw(g, "LEA-12-1234", PlateArtwork.Livery.PUNJAB, x, y, plateWidth);
        g.dispose();
        return picture;
    }

    @Test
    void a_plate_misread_on_a_large_photo_scaled_down_is_read_again_in_the_quarter_that_holds_it_but_not_in_a_video_frame() {
        var photo = plateOf(2880, 1620, 1900, 1100, 80);

        try (var reader = new OcrPlateReader(OcrModels.Generation.V4, OcrModels.Generation.V4, 960)) {
            assertThat(reader.readLines(photo)).extracting(TextRecogniser.Line::text).as("the first look").doesNotContain("LEA-12-1234");
            assertThat(reader.read(photo)).extracting(r -> r.normalized()).first().isEqualTo("LEA121234");
            assertThat(reader.readFrame(photo)).extracting(r -> r.normalized()).as("a frame: the vehicle comes again, closer")
                .doesNotContain("LEA121234");
        }
    }

    @Test
    void text_is_looked_for_at_half_the_picture_s_long_side_within_the_least_and_the_most() {
        try (var reader = new OcrPlateReader(OcrModels.Generation.V4, OcrModels.Generation.V4, 640, 960, 0)) {
        assertThat(reader.detectorLongSide(new Picture(new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR)))).isEqualTo(640);
        assertThat(reader.detectorLongSide(new Picture(new BufferedImage(720, 1280, BufferedImage.TYPE_3BYTE_BGR)))).isEqualTo(640);
        assertThat(reader.detectorLongSide(new Picture(new BufferedImage(1600, 900, BufferedImage.TYPE_3BYTE_BGR)))).isEqualTo(800);
        assertThat(reader.detectorLongSide(new Picture(new BufferedImage(1920, 1080, BufferedImage.TYPE_3BYTE_BGR)))).isEqualTo(960);
        assertThat(reader.detectorLongSide(new Picture(new BufferedImage(4000, 3000, BufferedImage.TYPE_3BYTE_BGR)))).isEqualTo(960);
        assertThat(reader.detectorLongSide(new Picture(new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR)))).as("the least").isEqualTo(640);
        }
    }

    @Test
    void a_plate_too_small_for_the_scaled_down_frame_is_read_by_looking_closer_around_it() {
        var frame = plateOf(1280, 720, 700, 480, 80);

        try (var firstLookOnly = new OcrPlateReader(OcrModels.Generation.V4, OcrModels.Generation.V4, 640, 640, 0);
             var lookingCloser = new OcrPlateReader(OcrModels.Generation.V4, OcrModels.Generation.V4, 640, 640, 1.25)) {
            assertThat(firstLookOnly.read(frame)).extracting(r -> r.normalized()).as("a character lost at 640").doesNotContain("LEA121234");
            assertThat(lookingCloser.read(frame)).extracting(r -> r.normalized()).first().isEqualTo("LEA121234");
        }
    }

    @Test
    void a_motorcycle_plate_whose_two_lines_the_detector_finds_as_one_is_read_line_by_line() {
        var scene = new PlateScenes(1, true).scene(PlateFormats.standard().named("motorcycle").orElseThrow(), "UJX/794");
        var frame = picture(scene.jpeg());

        assertThat(reader.readLines(frame)).extracting(TextRecogniser.Line::text).as("the first look: one region, read as one line")
            .contains("SINDH").doesNotContain("UJX", "794");
        assertThat(reader.readFrame(frame)).extracting(r -> r.normalized()).first().isEqualTo("UJX794");
    }

    @Test
    void a_street_of_shop_signs_and_no_vehicle_holds_no_plate() {
        var street = picture(new PlateScenes(5, true).streetWithoutPlates());

        assertThat(reader.readLines(street)).as("the signs are read as text").isNotEmpty();
        assertThat(reader.read(street)).isEmpty();
    }

    private static BufferedImage picture(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
