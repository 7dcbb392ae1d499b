package vn.cadretraining.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.certification.entity.Completion;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.shared.text.TextFold;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The demo catalog: providers, venues, trainers and courses in every subject group, then years of classes
 * with their sessions and enrollments, in every state a real year has: finished classes with completed and
 * not completed participants, running ones, open ones with requests waiting, places taken, a waitlist, a
 * declined request and withdrawals; drafts for next month; a cancelled class.
 *
 * <p>Classes of the years before 1 July 2025 were organised by the districts, those after by the new
 * communes and wards: reports must count both under today's units.
 */
final class DemoCatalog {

    static final int DEFAULT_YEARS = 6;

    /** A course of the demo: code, title, English title, subject code, kind, hours, target titles (codes). */
    private record CourseSpec(String code, String titleVi, String titleEn, String subject, String kind, int hours,
            List<String> titles) {
    }

    private static final List<CourseSpec> COURSES = List.of(
            new CourseSpec("LLCT-CB", "Bồi dưỡng lý luận chính trị cho bí thư chi bộ", "Political theory for Party cell secretaries",
                    "POLITICAL_THEORY", "TRAINING_COURSE", 24, List.of("PARTY_CELL_SECRETARY", "PARTY_CELL_DEPUTY")),
            new CourseSpec("LLCT-NQ", "Học tập, quán triệt nghị quyết của Đảng", "Studying the Party's resolutions",
                    "POLITICAL_THEORY", "TRAINING_COURSE", 8, List.of()),
            new CourseSpec("QPAN-CS", "Kiến thức quốc phòng, an ninh ở cơ sở", "Defence and security at the grassroots",
                    "DEFENCE_SECURITY", "TRAINING_COURSE", 16, List.of("SECURITY", "HAMLET_HEAD", "PARTY_CELL_SECRETARY")),
            new CourseSpec("QLNN-TT", "Quản lý nhà nước ở thôn, tổ dân phố", "State management in hamlets",
                    "STATE_MANAGEMENT", "TRAINING_COURSE", 24, List.of("HAMLET_HEAD", "HAMLET_DEPUTY")),
            new CourseSpec("KN-VTVL", "Kỹ năng điều hành cuộc họp thôn", "Running a hamlet meeting",
                    "JOB_SKILLS", "TRAINING_COURSE", 16, List.of("HAMLET_HEAD", "PARTY_CELL_SECRETARY", "FRONT_HEAD")),
            new CourseSpec("KN-SO", "Kỹ năng số: dịch vụ công trực tuyến và VNeID", "Digital skills: online public services and VNeID",
                    "DIGITAL_SKILLS", "TRAINING_COURSE", 16, List.of()),
            new CourseSpec("DV-CB", "Kỹ năng dân vận cơ bản", "Mass mobilization skills, basic",
                    "MASS_MOBILIZATION", "TRAINING_COURSE", 16, List.of()),
            new CourseSpec("DV-NC", "Kỹ năng dân vận nâng cao", "Mass mobilization skills, advanced",
                    "MASS_MOBILIZATION", "TRAINING_COURSE", 24, List.of("PARTY_CELL_SECRETARY", "HAMLET_HEAD", "FRONT_HEAD")),
            new CourseSpec("CB-NV", "Nghiệp vụ công tác chi bộ", "Party cell work",
                    "PARTY_CELL_WORK", "TRAINING_COURSE", 24, List.of("PARTY_CELL_SECRETARY", "PARTY_CELL_DEPUTY")),
            new CourseSpec("MT-NV", "Nghiệp vụ công tác Mặt trận ở khu dân cư", "Front work in residential areas",
                    "FRONT_WORK", "TRAINING_COURSE", 16, List.of("FRONT_HEAD", "WOMEN_UNION", "VETERANS", "FARMERS", "YOUTH_UNION")),
            new CourseSpec("TCD-KN", "Tiếp công dân, giải quyết kiến nghị, phản ánh", "Receiving citizens and handling petitions",
                    "CITIZEN_RECEPTION", "TRAINING_COURSE", 16, List.of("HAMLET_HEAD", "FRONT_HEAD", "PARTY_CELL_SECRETARY")),
            new CourseSpec("PL-PB", "Phổ biến pháp luật ở cơ sở", "Legal dissemination at the grassroots",
                    "LEGAL_DISSEMINATION", "TRAINING_COURSE", 8, List.of()),
            new CourseSpec("GB-QUY", "Hội nghị giao ban quý giữa cấp ủy và cán bộ thôn", "Quarterly briefing of Party committees and hamlet cadres",
                    "MASS_MOBILIZATION", "PERIODIC_BRIEFING", 4, List.of("PARTY_CELL_SECRETARY", "HAMLET_HEAD", "FRONT_HEAD")),
            new CourseSpec("GB-CD", "Giao ban chuyên đề: dân vận chính quyền", "Thematic briefing: mass mobilization by the authorities",
                    "MASS_MOBILIZATION", "THEMATIC_BRIEFING", 4, List.of("PARTY_CELL_SECRETARY", "HAMLET_HEAD", "FRONT_HEAD")),
            new CourseSpec("TQ-HT", "Tham quan học tập mô hình dân vận khéo", "Study tour: skilful mass mobilization models",
                    "MASS_MOBILIZATION", "STUDY_TOUR", 16, List.of("PARTY_CELL_SECRETARY", "HAMLET_HEAD", "FRONT_HEAD")));

    private static final String[][] PROVIDERS = {
        {"Trường Chính trị Nguyễn Văn Cừ", "Nguyen Van Cu Political School"},
        {"Ban Dân vận Tỉnh ủy Quảng Ninh", "Provincial Party Mass Mobilization Committee"},
        {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh", "Viet Nam Fatherland Front Committee of Quang Ninh"},
        {"Sở Tư pháp tỉnh Quảng Ninh", "Quang Ninh Department of Justice"}};

    private static final String[] TRAINER_NAMES = {"Lê Minh Tuấn", "Nguyễn Thị Thanh Hương", "Phạm Văn Lực",
        "Đỗ Thị Bích Ngọc", "Vũ Đức Thắng", "Hoàng Thị Mai Anh", "Trần Quốc Việt", "Bùi Thị Lan"};

    record Summary(int classes, int enrollments, int marks, int certificates) {
    }

    private final Connection connection;
    private final Random random;
    private final int commitEvery;
    private final Map<String, Long> titleIds;
    private final List<Long> providers = new ArrayList<>();
    private final List<Long> trainers = new ArrayList<>();
    private final List<Long> courses = new ArrayList<>();
    private final List<CourseSpec> courseSpecs = new ArrayList<>();
    private long nextProvider;
    private long nextVenue;
    private long nextTrainer;
    private long nextCourse;
    private long nextClass;
    private long nextSession;
    private long nextEnrollment;
    private long nextMark;
    private long nextCertificate;
    private int markCount;
    private int certificateCount;
    private final Map<Integer, Integer> lastNumber = new TreeMap<>();
    private final String issuer;
    private int classCount;
    private int enrollmentCount;
    private int pending;
    private PreparedStatement classInsert;
    private PreparedStatement trainerLink;
    private PreparedStatement sessionInsert;
    private PreparedStatement enrollmentInsert;
    private PreparedStatement markInsert;
    private PreparedStatement certificateInsert;
    private final LocalDate today = VietnamTime.today();

    DemoCatalog(Connection connection, Random random, int commitEvery, Map<String, Long> titleIds, String issuer) {
        this.issuer = issuer;
        this.connection = connection;
        this.random = random;
        this.commitEvery = commitEvery;
        this.titleIds = titleIds;
    }

    Summary generate(List<DemoProvince.Commune> communes, long provinceId, String provincePath, long trainerAccountId,
            int years) throws SQLException {
        nextProvider = maxId("provider") + 1;
        nextVenue = maxId("venue") + 1;
        nextTrainer = maxId("trainer") + 1;
        nextCourse = maxId("course") + 1;
        nextClass = maxId("course_class") + 1;
        nextSession = maxId("class_session") + 1;
        nextEnrollment = maxId("enrollment") + 1;
        nextMark = maxId("attendance_mark") + 1;
        nextCertificate = maxId("certificate") + 1;
        references(trainerAccountId);
        Map<Long, Long> halls = venues(communes, provinceId);
        coursesAndPrerequisites();
        classInsert = connection.prepareStatement("INSERT INTO course_class (id, version, code, course_id, unit_id,"
                + " unit_path, provider_id, start_date, end_date, capacity, enrol_from, enrol_until, venue_id, online, status,"
                + " note, enrolled_count, created_at, closed_at, closed_by)"
                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, NULL, ?, ?, ?, ?)");
        trainerLink = connection.prepareStatement("INSERT INTO class_trainer (class_id, trainer_id) VALUES (?, ?)");
        sessionInsert = connection.prepareStatement("INSERT INTO class_session (id, version, class_id, session_date,"
                + " starts_at, ends_at, topic, trainer_id, venue_id, cancelled, cancel_reason) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        enrollmentInsert = connection.prepareStatement("INSERT INTO enrollment (id, version, class_id, cadre_id, unit_id,"
                + " status, origin, requested_at, waitlisted_at, decided_at, decided_by, reason, outcome, score,"
                + " attendance_pct, outcome_reason) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        markInsert = connection.prepareStatement("INSERT INTO attendance_mark (id, version, session_id, enrollment_id,"
                + " status, note, source, marked_at, marked_by) VALUES (?, 0, ?, ?, ?, NULL, 'GRID', ?, ?)");
        // the holder's name is copied in at the end, in one statement, from the cadre rows
        certificateInsert = connection.prepareStatement("INSERT INTO certificate (id, version, cert_number, issuer_code,"
                + " year_no, sequence_no, verify_code, enrollment_id, cadre_id, class_id, holder_name, course_title, hours,"
                + " issued_on, valid_until, status) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, 'VALID')");
        try {
            // first, so that the demo trainer and the hall are free on those days
            showcase(communes.get(0), halls.get(communes.get(0).id()));
            int firstYear = today.getYear() - years + 1;
            for (int year = firstYear; year <= today.getYear(); year++) {
                for (DemoProvince.Commune commune : communes) {
                    // three classes a year per commune-level unit; before the reform they were the district's
                    for (int n = 0; n < 3; n++) {
                        LocalDate start = workingDay(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
                        boolean districtEra = start.isBefore(DemoProvince.REFORM);
                        long unitId = districtEra ? commune.districtId() : commune.id();
                        String unitPath = districtEra ? provincePath + commune.districtId() + "/" : commune.path();
                        classOf(start, unitId, unitPath, halls.get(commune.id()), commune.cadres(), year, false);
                    }
                }
                // a few province-wide classes a year, for the paid titles of every commune
                for (int n = 0; n < 4; n++) {
                    LocalDate start = workingDay(LocalDate.of(year, 1 + n * 3, 10 + random.nextInt(15)));
                    List<long[]> everyone = new ArrayList<>();
                    for (int i = 0; i < Math.min(communes.size(), 6); i++) {
                        everyone.addAll(communes.get(random.nextInt(communes.size())).cadres());
                    }
                    classOf(start, provinceId, provincePath, halls.get(provinceId), everyone, year, true);
                }
            }
            flushAll();
        } finally {
            classInsert.close();
            trainerLink.close();
            sessionInsert.close();
            enrollmentInsert.close();
            markInsert.close();
            certificateInsert.close();
        }
        certificatesFinished();
        for (String[] t : new String[][] {{"provider", "" + nextProvider}, {"venue", "" + nextVenue},
            {"trainer", "" + nextTrainer}, {"course", "" + nextCourse}, {"course_class", "" + nextClass},
            {"class_session", "" + nextSession}, {"enrollment", "" + nextEnrollment},
            {"attendance_mark", "" + nextMark}, {"certificate", "" + nextCertificate}}) {
            restartIdentity(t[0], Long.parseLong(t[1]));
        }
        return new Summary(classCount, enrollmentCount, markCount, certificateCount);
    }

    // ---- reference lists and courses ----

    private void references(long trainerAccountId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO provider (id, version, name_vi, name_en,"
                + " name_folded, contact, active) VALUES (?, 0, ?, ?, ?, NULL, TRUE)");
                PreparedStatement t = connection.prepareStatement("INSERT INTO trainer (id, version, full_name,"
                        + " name_folded, affiliation, provider_id, phone, email, account_id, active)"
                        + " VALUES (?, 0, ?, ?, ?, ?, NULL, NULL, ?, TRUE)")) {
            for (String[] pr : PROVIDERS) {
                long id = nextProvider++;
                p.setLong(1, id);
                p.setString(2, pr[0]);
                p.setString(3, pr[1]);
                p.setString(4, TextFold.fold(pr[0]));
                p.addBatch();
                providers.add(id);
            }
            p.executeBatch();
            for (int i = 0; i < TRAINER_NAMES.length; i++) {
                long id = nextTrainer++;
                t.setLong(1, id);
                t.setString(2, TRAINER_NAMES[i]);
                t.setString(3, TextFold.fold(TRAINER_NAMES[i]));
                t.setString(4, PROVIDERS[i % PROVIDERS.length][0]);
                t.setLong(5, providers.get(i % providers.size()));
                // the first is the demo TRAINER account's person
                if (i == 0 && trainerAccountId > 0) {
                    t.setLong(6, trainerAccountId);
                } else {
                    t.setNull(6, Types.BIGINT);
                }
                t.addBatch();
                trainers.add(id);
            }
            t.executeBatch();
        }
    }

    /** A meeting hall in every commune-level unit (also its connection point), and the political school's. */
    private Map<Long, Long> venues(List<DemoProvince.Commune> communes, long provinceId) throws SQLException {
        Map<Long, Long> halls = new HashMap<>();
        try (PreparedStatement v = connection.prepareStatement("INSERT INTO venue (id, version, name, name_folded,"
                + " address, unit_id, capacity, active) VALUES (?, 0, ?, ?, ?, ?, ?, TRUE)")) {
            long school = nextVenue++;
            venue(v, school, "Hội trường Trường Chính trị Nguyễn Văn Cừ", "Phường Hồng Gai", provinceId, 200);
            halls.put(provinceId, school);
            for (DemoProvince.Commune c : communes) {
                long id = nextVenue++;
                venue(v, id, "Hội trường " + c.name(), "Trụ sở " + c.name(), c.id(), 80);
                halls.put(c.id(), id);
            }
            v.executeBatch();
        }
        return halls;
    }

    private static void venue(PreparedStatement v, long id, String name, String address, long unitId, int capacity)
            throws SQLException {
        v.setLong(1, id);
        v.setString(2, name);
        v.setString(3, TextFold.fold(name));
        v.setString(4, address);
        v.setLong(5, unitId);
        v.setInt(6, capacity);
        v.addBatch();
    }

    private void coursesAndPrerequisites() throws SQLException {
        Map<String, Long> subjects = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, id FROM subject_group")) {
            while (rs.next()) {
                subjects.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement c = connection.prepareStatement("INSERT INTO course (id, version, code, title_vi, title_en,"
                + " title_folded, description_vi, description_en, subject_group_id, kind, hours, min_attendance_pct,"
                + " has_assessment, pass_mark, issues_certificate, certificate_years, active)"
                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 80, ?, ?, ?, ?, TRUE)");
                PreparedStatement ct = connection.prepareStatement("INSERT INTO course_title (course_id, title_id) VALUES (?, ?)");
                PreparedStatement cp = connection.prepareStatement(
                        "INSERT INTO course_prerequisite (course_id, required_id) VALUES (?, ?)")) {
            for (CourseSpec spec : COURSES) {
                long id = nextCourse++;
                boolean training = "TRAINING_COURSE".equals(spec.kind());
                boolean assessed = training && spec.hours() >= 24;
                c.setLong(1, id);
                c.setString(2, spec.code());
                c.setString(3, spec.titleVi());
                c.setString(4, spec.titleEn());
                c.setString(5, TextFold.fold(spec.titleVi() + " " + spec.titleEn() + " " + spec.code()));
                c.setString(6, "Nội dung: " + spec.titleVi() + ". Trao đổi kinh nghiệm thực tiễn ở cơ sở.");
                c.setString(7, "Content: " + spec.titleEn() + ". Sharing practical experience.");
                c.setLong(8, subjects.get(spec.subject()));
                c.setString(9, spec.kind());
                c.setBigDecimal(10, BigDecimal.valueOf(spec.hours()));
                c.setBoolean(11, assessed);
                if (assessed) {
                    c.setBigDecimal(12, new BigDecimal("5.00"));
                } else {
                    c.setNull(12, Types.DECIMAL);
                }
                c.setBoolean(13, training);
                if (training && spec.hours() >= 24) {
                    c.setInt(14, 5);
                } else {
                    c.setNull(14, Types.INTEGER);
                }
                c.addBatch();
                courses.add(id);
                courseSpecs.add(spec);
                rules.add(new CourseRule(assessed, assessed ? new BigDecimal("5.00") : null, training,
                        training && spec.hours() >= 24 ? 5 : null));
            }
            c.executeBatch();
            for (int i = 0; i < COURSES.size(); i++) {
                for (String title : COURSES.get(i).titles()) {
                    ct.setLong(1, courses.get(i));
                    ct.setLong(2, titleIds.get(title));
                    ct.addBatch();
                }
            }
            ct.executeBatch();
            // the advanced mass-mobilization course needs the basic one first
            cp.setLong(1, courses.get(courseIndex("DV-NC")));
            cp.setLong(2, courses.get(courseIndex("DV-CB")));
            cp.executeUpdate();
        }
    }

    private static int courseIndex(String code) {
        for (int i = 0; i < COURSES.size(); i++) {
            if (COURSES.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }

    // ---- classes, sessions, enrollments ----

    /**
     * Classes the demo accounts meet first, in Phường Hạ Long with the demo trainer: one running today (the
     * demo cadre in it), one open in two weeks for everyone (the cadre may ask for a place), one finished last
     * month (the cadre completed it), and one being prepared for in two months.
     */
    private void showcase(DemoProvince.Commune commune, Long hall) throws SQLException {
        long[] demoCadre = commune.cadres().get(0);
        List<long[]> withDemo = new ArrayList<>(commune.cadres());
        LocalDate running = today;
        while (running.getDayOfWeek() == DayOfWeek.SATURDAY || running.getDayOfWeek() == DayOfWeek.SUNDAY) {
            running = running.minusDays(1);
        }
        showcaseCadre = demoCadre;
        forcedTrainer = trainers.get(0);
        forcedCourse = courseIndex("DV-CB");
        classOf(running, commune.id(), commune.path(), hall, withDemo, today.getYear(), false);
        forcedCourse = courseIndex("QLNN-TT");
        classOf(workingDay(today.minusDays(40)), commune.id(), commune.path(), hall, withDemo, today.getYear(), false);
        // over last week, attendance taken, the results not closed yet: the trainer's next job
        forcedCourse = courseIndex("TCD-KN");
        leaveOpen = true;
        classOf(workingDay(today.minusDays(9)), commune.id(), commune.path(), hall, withDemo, today.getYear(), false);
        leaveOpen = false;
        showcaseCadre = null;
        forcedCourse = courseIndex("KN-SO");
        classOf(workingDay(today.plusDays(14)), commune.id(), commune.path(), hall, withDemo, today.getYear(), false);
        // and one still being prepared, two months ahead
        forcedCourse = courseIndex("LLCT-NQ");
        classOf(workingDay(today.plusDays(60)), commune.id(), commune.path(), hall, withDemo, today.getYear(), false);
        forcedTrainer = null;
        forcedCourse = -1;
    }

    private long[] showcaseCadre;
    private boolean leaveOpen;
    private Long forcedTrainer;
    private int forcedCourse = -1;

    private void classOf(LocalDate start, long unitId, String unitPath, Long hall, List<long[]> cadres, int year,
            boolean province) throws SQLException {
        int ci = forcedCourse >= 0 ? forcedCourse : province ? random.nextInt(3) : random.nextInt(courses.size());
        CourseSpec spec = courseSpecs.get(ci);
        int days = Math.max(1, Math.min(3, spec.hours() / 8));
        LocalDate end = start;
        for (int d = 1; d < days; d++) {
            end = workingDay(end.plusDays(1));
        }
        String status = statusOn(start, end);
        int capacity = province ? 60 : 25 + random.nextInt(16);
        long id = nextClass++;
        // four digits as before up to 9,999 classes; the full id beyond (national scale, issue 7: "% 10000" repeated codes)
        String code = spec.code() + "-" + year + "-" + String.format("%04d", id);
        // audience: holders of a title the course is for (or everyone)
        long mask = 0;
        for (String t : spec.titles()) {
            mask |= 1L << DemoProvince.TITLE_ORDER.indexOf(t);
        }
        List<long[]> audience = new ArrayList<>();
        for (long[] c : cadres) {
            if (mask == 0 || (c[2] & mask) != 0) {
                audience.add(c);
            }
        }
        Collections.shuffle(audience, random);
        if (showcaseCadre != null) {
            audience.remove(showcaseCadre);
            audience.add(0, showcaseCadre);
        }
        int wanted = "DRAFT".equals(status) ? 0 : Math.min(audience.size(),
                "OPEN".equals(status) ? capacity / 2 + random.nextInt(capacity) : capacity - random.nextInt(6));
        List<long[]> chosen = audience.subList(0, Math.max(0, wanted));
        int enrolled = 0;
        // no trainer and no hall is booked twice on a day: the demo keeps the double-booking rule
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            dates.add(d);
        }
        Long trainer = forcedTrainer != null && free(forcedTrainer, dates) ? forcedTrainer : null;
        int first = random.nextInt(trainers.size());
        for (int t = 0; t < trainers.size() && trainer == null; t++) {
            long candidate = trainers.get((first + t) % trainers.size());
            if (free(candidate, dates)) {
                trainer = candidate;
            }
        }
        if (hall != null && !free(-hall, dates)) {
            hall = null;
        }
        classInsert.setLong(1, id);
        classInsert.setString(2, code);
        classInsert.setLong(3, courses.get(ci));
        classInsert.setLong(4, unitId);
        classInsert.setString(5, unitPath);
        classInsert.setLong(6, providers.get(province ? 0 : random.nextInt(providers.size())));
        classInsert.setDate(7, Date.valueOf(start));
        classInsert.setDate(8, Date.valueOf(end));
        classInsert.setInt(9, capacity);
        classInsert.setDate(10, Date.valueOf(start.minusDays(30)));
        classInsert.setDate(11, Date.valueOf(start.minusDays(1)));
        if (hall == null) {
            classInsert.setNull(12, Types.BIGINT);
        } else {
            classInsert.setLong(12, hall);
        }
        classInsert.setString(13, status);
        // enrolled_count is filled below once the places are counted
        List<Object[]> rows = new ArrayList<>();
        Instant opened = start.minusDays(25).atTime(8, 0).atZone(VietnamTime.ZONE).toInstant();
        for (int i = 0; i < chosen.size(); i++) {
            long[] c = chosen.get(i);
            String st;
            String origin = random.nextInt(100) < 70 ? "NOMINATED" : "REQUESTED";
            String reason = null;
            Instant waitlisted = null;
            int r = c == showcaseCadre ? 50 : random.nextInt(100);
            if ("OPEN".equals(status) && "REQUESTED".equals(origin) && r < 35) {
                st = "REQUESTED";
            } else if ("REQUESTED".equals(origin) && r >= 97) {
                st = "DECLINED";
                reason = "Không thuộc đối tượng ưu tiên của đợt này";
            } else if (r >= 93 && r < 97) {
                st = "WITHDRAWN";
                reason = "Trùng lịch công tác của thôn";
            } else if (enrolled < capacity) {
                st = "ENROLLED";
                enrolled++;
            } else {
                st = "WAITLISTED";
                waitlisted = opened.plusSeconds(3600L * i);
            }
            rows.add(new Object[] {c, st, origin, reason, null, waitlisted});
        }
        classInsert.setInt(14, enrolled);
        // a class planned for later was still written down before today
        Instant created = opened.minusSeconds(86400L * 10);
        classInsert.setTimestamp(15, Timestamp.from(created.isAfter(Instant.now()) ? Instant.now() : created));
        // a finished class was closed by its trainer a day or two after its last session
        boolean closed = "FINISHED".equals(status) && !leaveOpen;
        LocalDateTime closedAt = LocalDateTime.of(end.plusDays(1 + random.nextInt(2)), LocalTime.of(16, 0));
        if (closedAt.isAfter(VietnamTime.now())) {
            closedAt = VietnamTime.now().minusMinutes(5);
        }
        classInsert.setTimestamp(16, closed ? Timestamp.from(closedAt.atZone(VietnamTime.ZONE).toInstant()) : null);
        classInsert.setString(17, closed ? (trainer != null && trainer.equals(trainers.get(0)) ? "giangvien" : "demo") : null);
        classInsert.addBatch();
        counted();
        if (trainer != null) {
            trainerLink.setLong(1, id);
            trainerLink.setLong(2, trainer);
            trainerLink.addBatch();
        }
        List<Object[]> sessions = sessions(id, start, end, trainer, hall, spec);
        CourseRule rule = rules.get(ci);
        for (Object[] row : rows) {
            long[] c = (long[]) row[0];
            enrollmentInsert.setLong(1, nextEnrollment++);
            enrollmentInsert.setLong(2, id);
            enrollmentInsert.setLong(3, c[0]);
            enrollmentInsert.setLong(4, c[1]);
            enrollmentInsert.setString(5, (String) row[1]);
            enrollmentInsert.setString(6, (String) row[2]);
            // requested between the opening and now, never in the future
            Instant asked = opened.plusSeconds(random.nextInt(20 * 86400));
            enrollmentInsert.setTimestamp(7, Timestamp.from(asked.isAfter(Instant.now()) ? Instant.now() : asked));
            Instant waitlisted = (Instant) row[5];
            enrollmentInsert.setTimestamp(8, waitlisted == null ? null
                    : Timestamp.from(waitlisted.isAfter(Instant.now()) ? Instant.now() : waitlisted));
            boolean decided = !"REQUESTED".equals(row[1]);
            Instant decidedAt = opened.plusSeconds(21L * 86400);
            enrollmentInsert.setTimestamp(9, decided ? Timestamp.from(decidedAt.isAfter(Instant.now()) ? Instant.now() : decidedAt)
                    : null);
            enrollmentInsert.setString(10, decided ? "xa.demo" : null);
            enrollmentInsert.setString(11, (String) row[3]);
            long enrollmentId = nextEnrollment - 1;
            Completion result = "ENROLLED".equals(row[1]) && !"CANCELLED".equals(status)
                    ? attend(enrollmentId, sessions, rule, c == showcaseCadre, closed) : null;
            Outcome outcome = result == null || !closed ? null : result.outcome();
            enrollmentInsert.setString(12, outcome == null ? null : outcome.name());
            enrollmentInsert.setBigDecimal(13, result == null ? null : lastScore);
            enrollmentInsert.setBigDecimal(14, result == null ? null : result.attendancePct());
            enrollmentInsert.setString(15, outcome == null ? null : result.reasonKey());
            enrollmentInsert.addBatch();
            counted(1 + (result == null ? 0 : marksAdded));
            enrollmentCount++;
            if (outcome == Outcome.COMPLETED && rule.certifies()) {
                certificate(enrollmentId, c[0], id, spec, rule, closedAt.toLocalDate());
            }
        }
        classCount++;
    }

    /** Mornings and afternoons of every day of the class, the last afternoon left free for a one-day class. */
    private List<Object[]> sessions(long classId, LocalDate start, LocalDate end, Long trainer, Long hall, CourseSpec spec)
            throws SQLException {
        List<Object[]> made = new ArrayList<>();
        boolean shortOne = spec.hours() <= 4;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            made.add(new Object[] {nextSession, LocalDateTime.of(d, LocalTime.of(7, 30))});
            session(classId, d, LocalTime.of(7, 30), LocalTime.of(11, 30), spec.titleVi() + " (buổi sáng)", trainer, hall);
            if (!shortOne) {
                made.add(new Object[] {nextSession, LocalDateTime.of(d, LocalTime.of(13, 30))});
                session(classId, d, LocalTime.of(13, 30), LocalTime.of(17, 0), spec.titleVi() + " (buổi chiều)", trainer, hall);
            }
        }
        return made;
    }

    /** A course's completion rule, as the demo wrote it. */
    private record CourseRule(boolean assessed, BigDecimal passMark, boolean certifies, Integer years) {
    }

    private final List<CourseRule> rules = new ArrayList<>();
    private BigDecimal lastScore;
    /** Marks of the last participant, counted once their enrollment row is in the batch (it comes first). */
    private int marksAdded;

    /**
     * Attendance of one participant, session by session, on the days before today (today's sessions are left
     * for the trainer to take), and their result by the course's rule: most people come to nearly everything,
     * some miss a lot; an absence is excused two times in five.
     */
    private Completion attend(long enrollmentId, List<Object[]> sessions, CourseRule rule, boolean showcase, boolean closed)
            throws SQLException {
        marksAdded = 0;
        boolean keen = showcase || random.nextInt(100) < 88;
        int held = 0;
        int attended = 0;
        int excused = 0;
        for (Object[] s : sessions) {
            LocalDateTime startsAt = (LocalDateTime) s[1];
            if (!startsAt.toLocalDate().isBefore(today)) {
                continue;
            }
            held++;
            String status;
            if (showcase || random.nextInt(100) < (keen ? 97 : 55)) {
                status = random.nextInt(100) < 6 && !showcase ? "LATE" : "PRESENT";
                attended++;
            } else if (random.nextInt(5) < 2) {
                status = "EXCUSED";
                excused++;
            } else {
                status = "ABSENT";
            }
            markInsert.setLong(1, nextMark++);
            markInsert.setLong(2, (Long) s[0]);
            markInsert.setLong(3, enrollmentId);
            markInsert.setString(4, status);
            markInsert.setTimestamp(5, Timestamp.valueOf(startsAt.plusMinutes(20)));
            markInsert.setString(6, "demo");
            markInsert.addBatch();
            marksAdded++;
            markCount++;
        }
        lastScore = null;
        if (rule.assessed() && closed) {
            int tenths = keen ? 50 + random.nextInt(46) : 25 + random.nextInt(51);
            lastScore = BigDecimal.valueOf(tenths, 1);
        }
        return Completion.evaluate(CompletionRule.DEFAULT_ATTENDANCE_PCT, rule.assessed(), rule.passMark(), false, held,
                attended, excused, lastScore);
    }

    /** A certificate numbered in its year of issue, as closing would number it. */
    private void certificate(long enrollmentId, long cadreId, long classId, CourseSpec spec, CourseRule rule,
            LocalDate issuedOn) throws SQLException {
        int year = issuedOn.getYear();
        int n = lastNumber.merge(year, 1, Integer::sum);
        certificateInsert.setLong(1, nextCertificate++);
        certificateInsert.setString(2, Certificate.numberOf(issuer, year, n));
        certificateInsert.setString(3, issuer);
        certificateInsert.setInt(4, year);
        certificateInsert.setInt(5, n);
        certificateInsert.setString(6, Certificate.newCode());
        certificateInsert.setLong(7, enrollmentId);
        certificateInsert.setLong(8, cadreId);
        certificateInsert.setLong(9, classId);
        certificateInsert.setString(10, spec.titleVi());
        certificateInsert.setBigDecimal(11, BigDecimal.valueOf(spec.hours()));
        certificateInsert.setDate(12, Date.valueOf(issuedOn));
        certificateInsert.setDate(13, rule.years() == null ? null : Date.valueOf(issuedOn.plusYears(rule.years()).minusDays(1)));
        certificateInsert.addBatch();
        counted();
        certificateCount++;
    }

    /** The holders' names, and the counters from which closing goes on numbering. */
    private void certificatesFinished() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE certificate SET holder_name = (SELECT d.full_name FROM cadre d WHERE d.id = certificate.cadre_id)"
                    + " WHERE holder_name = ''");
        }
        try (PreparedStatement c = connection.prepareStatement(
                "INSERT INTO certificate_counter (issuer_code, year_no, last_number) VALUES (?, ?, ?)")) {
            for (Map.Entry<Integer, Integer> e : lastNumber.entrySet()) {
                c.setString(1, issuer);
                c.setInt(2, e.getKey());
                c.setInt(3, e.getValue());
                c.addBatch();
            }
            c.executeBatch();
        }
    }

    private void session(long classId, LocalDate d, LocalTime from, LocalTime to, String topic, Long trainer, Long hall)
            throws SQLException {
        sessionInsert.setLong(1, nextSession++);
        sessionInsert.setLong(2, classId);
        sessionInsert.setDate(3, Date.valueOf(d));
        sessionInsert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(d, from)));
        sessionInsert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(d, to)));
        sessionInsert.setString(6, topic.length() > 300 ? topic.substring(0, 300) : topic);
        if (trainer == null) {
            sessionInsert.setNull(7, Types.BIGINT);
        } else {
            sessionInsert.setLong(7, trainer);
        }
        if (hall == null) {
            sessionInsert.setNull(8, Types.BIGINT);
        } else {
            sessionInsert.setLong(8, hall);
        }
        sessionInsert.setBoolean(9, false);
        sessionInsert.setNull(10, Types.VARCHAR);
        sessionInsert.addBatch();
        counted();
    }

    private final Map<Long, Set<LocalDate>> busy = new HashMap<>();

    /** Books the days for a trainer (positive id) or a hall (negative id) if all are free. */
    private boolean free(long who, List<LocalDate> dates) {
        Set<LocalDate> taken = busy.computeIfAbsent(who, k -> new HashSet<>());
        for (LocalDate d : dates) {
            if (taken.contains(d)) {
                return false;
            }
        }
        taken.addAll(dates);
        return true;
    }

    /** The state a class is in today: over, under way, taking enrollments, or still being prepared. */
    private String statusOn(LocalDate start, LocalDate end) {
        if (end.isBefore(today)) {
            return forcedCourse < 0 && random.nextInt(100) < 2 ? "CANCELLED" : "FINISHED";
        }
        if (!start.isAfter(today)) {
            return "RUNNING";
        }
        return start.isBefore(today.plusDays(21)) ? "OPEN" : "DRAFT";
    }

    private static LocalDate workingDay(LocalDate d) {
        LocalDate day = d;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void counted() throws SQLException {
        counted(1);
    }

    /** Rows added to the batches: flushed every thousand or so, committed every {@code commitEvery}. */
    private void counted(int rows) throws SQLException {
        pending += rows;
        sinceFlush += rows;
        sinceCommit += rows;
        if (sinceFlush >= 1000) {
            flushAll();
            sinceFlush = 0;
        }
        if (commitEvery > 0 && sinceCommit >= commitEvery) {
            flushAll();
            connection.commit();
            sinceCommit = 0;
        }
    }

    private int sinceFlush;
    private int sinceCommit;

    private void flushAll() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {classInsert, trainerLink, sessionInsert, enrollmentInsert,
            markInsert, certificateInsert}) {
            s.executeBatch();
        }
    }

    private long maxId(String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void restartIdentity(String table, long next) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }
}
