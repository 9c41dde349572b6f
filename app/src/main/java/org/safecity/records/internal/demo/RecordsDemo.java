package org.safecity.records.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.safecity.records.internal.sources.KeepingSources;
import org.safecity.records.internal.sources.ReceivingRecords;
import org.safecity.records.internal.sources.SourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.safecity.shared.DemoSettings;

/**
 * With the Peshawar demo on: made-up department feeds ({@link SyntheticPeople}, never real people) so
 * search and profiles have something to find: persons (among them Muhammad Khan, Mohammad Khan and
 * محمد خان), their vehicles, FIRs, one open stolen-vehicle report (listed on the stolen-vehicles
 * watchlist) and one proclaimed offender. Loaded once: a source named demo-excise already there is left alone.
 */
@Component
@Order(40)
class RecordsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RecordsDemo.class);
    private static final int PERSONS = 60;

    private final KeepingSources keeping;
    private final SourceStore sources;
    private final ReceivingRecords receiving;
    private final boolean demo;

    RecordsDemo(KeepingSources keeping, SourceStore sources, ReceivingRecords receiving, DemoSettings demo) {
        this.keeping = keeping;
        this.sources = sources;
        this.receiving = receiving;
        this.demo = demo.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || sources.findByCode("demo-persons").isPresent()) {
            return;
        }
        var random = new Random(1122);
        var persons = new ArrayList<Map<String, String>>();
        for (long n = 1; n <= PERSONS; n++) {
            persons.add(SyntheticPeople.person(n, random));
        }
        // The spellings a search for "Mohammad Khan" must bring together.
        persons.set(0, Map.of("id", "P1", "cnic", SyntheticPeople.cnic(1), "name", "Muhammad Khan", "fatherName", "Gul Khan",
            "dateOfBirth", "1985-03-14", "phone", SyntheticPeople.phone(1), "address", "House 12, Street 4, Gulbahar, Peshawar (synthetic)"));
        persons.set(1, Map.of("id", "P2", "cnic", SyntheticPeople.cnic(2), "nameUrdu", "محمد خان", "fatherName", "Noor Khan"));
        persons.set(2, Map.of("id", "P3", "cnic", SyntheticPeople.cnic(3), "name", "Mohammad Khaan", "fatherName", "Wali Khan"));
        var vehicles = new ArrayList<Map<String, String>>();
        var firs = new ArrayList<Map<String, String>>();
        for (long n = 1; n <= PERSONS; n++) {
            vehicles.add(SyntheticPeople.vehicle(n, n, random));
            if (n % 3 == 0) {
                firs.add(SyntheticPeople.fir(n, n, random));
            }
        }
        // The vehicles of e-challan's demo violations, so their challans have an owner to go to.
        vehicles.add(Map.of("id", "EC1", "plate", "PSH-1234", "ownerName", "Ayesha Khan", "ownerCnic", "17301-1111111-2",
            "ownerPhone", "+92 300 1111111", "ownerEmail", "ayesha.khan@example.pk", "make", "Toyota", "model", "Corolla", "colour", "white"));
        vehicles.add(Map.of("id", "EC2", "plate", "PSH-5678", "ownerName", "Imran Afridi", "ownerCnic", "17301-2222222-3",
            "ownerPhone", "+92 301 2222222", "make", "Honda", "model", "CD 70", "colour", "red"));
        vehicles.add(Map.of("id", "EC3", "plate", "LEB-4321", "ownerName", "Sana Yousafzai", "ownerCnic", "17301-3333333-4",
            "ownerPhone", "+92 302 3333333", "make", "Suzuki", "model", "Mehran", "colour", "silver"));
        vehicles.add(Map.of("id", "EC4", "plate", "PSH-9012", "ownerName", "Bilal Khattak", "ownerCnic", "17301-4444444-5",
            "ownerPhone", "+92 303 4444444", "make", "Toyota", "model", "Hilux", "colour", "black"));
        load("demo-persons", "Demo: police verification (synthetic)", List.of("PERSON"), persons);
        load("demo-excise", "Demo: Excise & Taxation vehicle registrations (synthetic)", List.of("VEHICLE"), vehicles);
        load("demo-police-fir", "Demo: police FIR system (synthetic)", List.of("FIR"), firs);
        load("demo-stolen", "Demo: stolen-vehicle reports (synthetic)", List.of("STOLEN_VEHICLE"), List.of(Map.of("id", "SV1",
            "plate", SyntheticPeople.plate(7), "policeStation", "Hayatabad", "cityCode", "PSH", "status", "OPEN", "reportedOn", "2026-11-30")));
        load("demo-offenders", "Demo: proclaimed offenders (synthetic)", List.of("PROCLAIMED_OFFENDER"), List.of(Map.of("id", "PO1",
            "cnic", SyntheticPeople.cnic(9), "name", persons.get(8).get("name"), "policeStation", "Faqirabad", "cityCode", "PSH",
            "status", "OPEN")));
        log.info("Records demo: {} synthetic persons with vehicles, {} FIRs, a stolen vehicle and a proclaimed offender", PERSONS, firs.size());
    }

    private void load(String code, String name, List<String> kinds, List<Map<String, String>> rows) {
        var source = keeping.register(new KeepingSources.Draft(code, name, "SafeCity demo", "Made-up records for the demo; no real person",
            3650, kinds, Map.of(), null, null));
        receiving.receive(source, ReceivingRecords.Via.FILE, code + ".json", rows, 0);
    }
}
