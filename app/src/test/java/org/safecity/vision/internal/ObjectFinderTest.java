package org.safecity.vision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.vision.internal.Pictures.read;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safecity.vision.internal.ObjectFinder.FoundObject;
import org.safecity.vision.internal.ObjectFinder.ObjectClass;
import org.safecity.vision.internal.objects.NanoDet;

/** The shipped NanoDet-m model on real photographs. */
class ObjectFinderTest {

    private static OnnxModel model;
    private static ObjectFinder objects;

    @BeforeAll
    static void load() {
        model = OnnxModel.load(NanoDet.RESOURCE, 1);
        objects = new NanoDet(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<FoundObject> of(List<FoundObject> found, ObjectClass objectClass) {
        return found.stream().filter(o -> o.objectClass() == objectClass).toList();
    }

    @Test
    void the_double_decker_bus_in_a_london_street_is_found_as_a_bus_covering_it() {
        var found = objects.find(read("street-bus.jpg"));

        // the bus spans about x 60-480, y 115-390 of the 546 × 413 picture
        var bus = of(found, ObjectClass.BUS);
        assertThat(bus).hasSize(1);
        assertThat(bus.getFirst().box().overlap(new PixelBox(60, 115, 420, 275))).isGreaterThan(0.8);
        assertThat(found.getFirst().objectClass()).as("the best").isIn(ObjectClass.BUS, ObjectClass.PERSON);
    }

    @Test
    void the_cars_beside_the_bus_and_the_person_on_the_pavement_are_found() {
        var found = objects.find(read("street-bus.jpg"));

        assertThat(of(found, ObjectClass.CAR)).as("cars").isNotEmpty()
            .allSatisfy(car -> assertThat(car.box().y()).isGreaterThan(250));
        // a person at the right edge, about x 517-540, y 286-317
        assertThat(of(found, ObjectClass.PERSON)).anySatisfy(p -> assertThat(p.box().overlap(new PixelBox(517, 286, 23, 31)))
            .isGreaterThan(0.6));
    }

    @Test
    void both_players_in_the_basketball_picture_are_found_as_people() {
        var people = of(objects.find(read("people-basketball.png")), ObjectClass.PERSON);

        // one player on the left (about x 35-170), one on the right edge (about x 430-640)
        assertThat(people).anySatisfy(p -> assertThat(p.box().x() + p.box().width() / 2).isBetween(60, 140));
        assertThat(people).anySatisfy(p -> assertThat(p.box().x() + p.box().width() / 2).isBetween(480, 600));
    }

    @Test
    void a_picture_of_a_coffee_cup_holds_no_person_and_no_vehicle() {
        assertThat(objects.find(read("coffee.png"))).isEmpty();
    }

    @Test
    void results_come_best_first() {
        var found = objects.find(read("street-bus.jpg"));

        assertThat(found).extracting(FoundObject::confidence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
