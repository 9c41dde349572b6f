package org.safecity.records.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a department's record says, by kind. Each kind reads its fields from a row (every problem
 * named), says which persons and vehicles it speaks of ({@link #parties()}), and whether it is still
 * open (an open stolen-vehicle report or proclaimed offender is watched for).
 */
public sealed interface DepartmentRecord {

    RecordKind kind();

    /** One line a person reads in a list of results. */
    String title();

    /** The persons and vehicles the record speaks of, each in a role (subject, owner, accused...). */
    List<Party> parties();

    default boolean open() {
        return true;
    }

    /** A person as a record names them; the CNIC links strongly, the rest only proposes. */
    record PersonNamed(String cnic, String name, String nameUrdu, String fatherName, LocalDate dateOfBirth, String phone) {
        boolean isEmpty() {
            return cnic == null && name == null && nameUrdu == null;
        }
    }

    /** A vehicle as a record names it; plate and chassis both link strongly. A record naming neither names no vehicle. */
    record VehicleNamed(String plate, String chassis) {
    }

    record Party(String role, PersonNamed person, VehicleNamed vehicle) {
        static Party person(String role, PersonNamed person) {
            return new Party(role, person, null);
        }

        static Party vehicle(String role, VehicleNamed vehicle) {
            return new Party(role, null, vehicle);
        }
    }

    /** Reads a row as the given kind; the problems go to {@code fields.problems()}. */
    static DepartmentRecord read(RecordKind kind, Fields f) {
        return switch (kind) {
            case PERSON -> new PersonRecord(person(f, ""), f.text("address"), f.text("photo"));
            case VEHICLE -> new VehicleRecord(new VehicleNamed(f.plate("plate"), f.text("chassis")), f.text("engine"), f.text("make"),
                f.text("model"), f.text("colour"), person(f, "owner"), f.email("ownerEmail"));
            case LICENCE -> new LicenceRecord(f.required("licenceNumber"), f.required("licenceType"), person(f, ""),
                f.text("businessName"), f.date("validUntil"));
            case STOLEN_VEHICLE -> new StolenVehicleRecord(new VehicleNamed(f.plate("plate"), f.text("chassis")), f.text("policeStation"),
                f.text("firNumber"), f.text("cityCode"), f.date("reportedOn"), f.text("status"), f.open("status"));
            case MISSING_PERSON -> new MissingPersonRecord(person(f, ""), f.text("policeStation"), f.date("reportedOn"),
                f.text("status"), f.open("status"));
            case FIR -> new FirRecord(f.required("policeStation"), f.year("year"), f.required("number"), f.text("sections"),
                person(f, "complainant"), person(f, "accused"), f.plate("plate"), f.text("status"), f.text("cityCode"));
            case ARREST -> new ArrestRecord(person(f, ""), f.text("policeStation"), f.text("firNumber"), f.date("arrestedOn"));
            case PRISONER -> new PrisonerRecord(person(f, ""), f.required("prison"), f.date("admittedOn"), f.date("releasedOn"));
            case PROCLAIMED_OFFENDER -> new ProclaimedOffenderRecord(person(f, ""), f.text("policeStation"), f.text("firNumber"),
                f.text("cityCode"), f.text("status"), f.open("status"));
        };
    }

    /** The person fields of a row, plain ({@code cnic}, {@code name}) or with a prefix ({@code ownerCnic}, {@code ownerName}). */
    private static PersonNamed person(Fields f, String prefix) {
        return new PersonNamed(f.cnic(field(prefix, "cnic")), f.text(field(prefix, "name")), f.text(field(prefix, "nameUrdu")),
            f.text(field(prefix, "fatherName")), f.date(field(prefix, "dateOfBirth")), f.phone(field(prefix, "phone")));
    }

    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The record fields a kind reads, for a mapping's check and the documentation. */
    static List<String> fieldsOf(RecordKind kind) {
        var person = List.of("cnic", "name", "nameUrdu", "fatherName", "dateOfBirth", "phone");
        return switch (kind) {
            case PERSON -> join(person, List.of("address", "photo"));
            case VEHICLE -> join(List.of("plate", "chassis", "engine", "make", "model", "colour", "ownerEmail"), prefixed("owner", person));
            case LICENCE -> join(List.of("licenceNumber", "licenceType", "businessName", "validUntil"), person);
            case STOLEN_VEHICLE -> List.of("plate", "chassis", "policeStation", "firNumber", "cityCode", "reportedOn", "status");
            case MISSING_PERSON -> join(person, List.of("policeStation", "reportedOn", "status"));
            case FIR -> join(join(List.of("policeStation", "year", "number", "sections", "plate", "status", "cityCode"),
                prefixed("complainant", person)), prefixed("accused", person));
            case ARREST -> join(person, List.of("policeStation", "firNumber", "arrestedOn"));
            case PRISONER -> join(person, List.of("prison", "admittedOn", "releasedOn"));
            case PROCLAIMED_OFFENDER -> join(person, List.of("policeStation", "firNumber", "cityCode", "status"));
        };
    }

    private static List<String> prefixed(String prefix, List<String> names) {
        return names.stream().map(n -> field(prefix, n)).toList();
    }

    private static List<String> join(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Party> people(Map<String, PersonNamed> byRole) {
        var parties = new ArrayList<Party>();
        byRole.forEach((role, p) -> {
            if (p != null && !p.isEmpty()) {
                parties.add(Party.person(role, p));
            }
        });
        return parties;
    }

    private static String nameOf(PersonNamed p) {
        return p.name() != null ? p.name() : p.nameUrdu() != null ? p.nameUrdu() : p.cnic() != null ? "CNIC " + p.cnic() : "unnamed";
    }

    record PersonRecord(PersonNamed person, String address, String photo) implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.PERSON;
        }

        public String title() {
            return nameOf(person) + (person.fatherName() != null ? " s/o " + person.fatherName() : "");
        }

        public List<Party> parties() {
            return people(Map.of("subject", person));
        }
    }

    /** @param ownerEmail where e-challan may write to the owner, besides the phone; may be null */
    record VehicleRecord(VehicleNamed vehicle, String engine, String make, String model, String colour, PersonNamed owner, String ownerEmail)
        implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.VEHICLE;
        }

        public String title() {
            return (vehicle.plate() != null ? vehicle.plate() : "chassis " + vehicle.chassis()) + " " + String.join(" ",
                java.util.stream.Stream.of(colour, make, model).filter(java.util.Objects::nonNull).toList());
        }

        public List<Party> parties() {
            var parties = new ArrayList<>(people(Map.of("owner", owner)));
            if (vehicle.plate() != null || vehicle.chassis() != null) {
                parties.add(Party.vehicle("vehicle", vehicle));
            }
            return parties;
        }
    }

    record LicenceRecord(String licenceNumber, String licenceType, PersonNamed holder, String businessName, LocalDate validUntil)
        implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.LICENCE;
        }

        public String title() {
            return licenceType + " licence " + licenceNumber + " of " + nameOf(holder);
        }

        public List<Party> parties() {
            return people(Map.of("holder", holder));
        }
    }

    record StolenVehicleRecord(VehicleNamed vehicle, String policeStation, String firNumber, String cityCode, LocalDate reportedOn,
                               String status, boolean open) implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.STOLEN_VEHICLE;
        }

        public String title() {
            return "Stolen vehicle " + (vehicle.plate() != null ? vehicle.plate() : vehicle.chassis()) + (open ? "" : " (closed)");
        }

        public List<Party> parties() {
            return vehicle.plate() != null || vehicle.chassis() != null ? List.of(Party.vehicle("stolen", vehicle)) : List.of();
        }
    }

    record MissingPersonRecord(PersonNamed person, String policeStation, LocalDate reportedOn, String status, boolean open)
        implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.MISSING_PERSON;
        }

        public String title() {
            return "Missing person " + nameOf(person) + (open ? "" : " (closed)");
        }

        public List<Party> parties() {
            return people(Map.of("missing", person));
        }
    }

    record FirRecord(String policeStation, Integer year, String number, String sections, PersonNamed complainant, PersonNamed accused,
                     String plate, String status, String cityCode) implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.FIR;
        }

        public String title() {
            return "FIR " + number + "/" + year + " " + policeStation + (sections != null ? " u/s " + sections : "");
        }

        /** The FIR's number as people write it, {@code 123/2026}: what a search by FIR number matches. */
        public String reference() {
            return FirNumbers.reference(number, year);
        }

        public List<Party> parties() {
            var byRole = new java.util.LinkedHashMap<String, PersonNamed>();
            byRole.put("complainant", complainant);
            byRole.put("accused", accused);
            var parties = new ArrayList<>(people(byRole));
            if (plate != null) {
                parties.add(Party.vehicle("vehicle", new VehicleNamed(plate, null)));
            }
            return parties;
        }
    }

    record ArrestRecord(PersonNamed person, String policeStation, String firNumber, LocalDate arrestedOn) implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.ARREST;
        }

        public String title() {
            return "Arrest of " + nameOf(person) + (firNumber != null ? " in FIR " + firNumber : "");
        }

        public List<Party> parties() {
            return people(Map.of("arrested", person));
        }
    }

    record PrisonerRecord(PersonNamed person, String prison, LocalDate admittedOn, LocalDate releasedOn) implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.PRISONER;
        }

        public String title() {
            return nameOf(person) + " in " + prison + (releasedOn != null ? " (released " + releasedOn + ")" : "");
        }

        public List<Party> parties() {
            return people(Map.of("prisoner", person));
        }

        public boolean open() {
            return releasedOn == null;
        }
    }

    record ProclaimedOffenderRecord(PersonNamed person, String policeStation, String firNumber, String cityCode, String status,
                                    boolean open) implements DepartmentRecord {
        public RecordKind kind() {
            return RecordKind.PROCLAIMED_OFFENDER;
        }

        public String title() {
            return "Proclaimed offender " + nameOf(person) + (open ? "" : " (closed)");
        }

        public List<Party> parties() {
            return people(Map.of("offender", person));
        }
    }
}
