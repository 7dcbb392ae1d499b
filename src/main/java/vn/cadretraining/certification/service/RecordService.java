package vn.cadretraining.certification.service;

import com.lowagie.text.Document;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.persistence.config.QueryHints;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.entity.MarkSource;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.ClassPhase;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.CompletionRule;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.commendation.entity.Commendation;
import vn.cadretraining.commendation.service.CommendationService;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.tour.service.StudyTourService;
import vn.cadretraining.tour.service.StudyTourService.TourLine;

/**
 * A cadre's training record: positions, classes with attendance and outcome, certificates, the sessions to
 * come (also as a calendar file for the phone) and a printable transcript. A cadre reads their own
 * ({@link #me()}); administrators, reviewers and coordinators read the record of a cadre in their scope
 * ({@link #of(long)}, which refuses anyone else's as not found).
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.CADRE})
public class RecordService {

    @Inject
    CadreService cadres;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    CertificateService certificates;

    @Inject
    CommendationService commendations;

    @Inject
    StudyTourService tours;

    @RolesAllowed(Role.Names.CADRE)
    public Cadre me() {
        Long id = currentUser.get().cadreId();
        Cadre cadre = id == null ? null : em.find(Cadre.class, id);
        if (cadre == null) {
            throw new NotFoundException("cadre");
        }
        return cadre;
    }

    /** A cadre in the caller's scope (a cadre's own only through {@link #me()}). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Cadre of(long cadreId) {
        return cadres.get(cadreId);
    }

    /**
     * What a record shows of a cadre: the training classes, their certificates, the marks per class, the cadre's
     * commendations and the study tours they went on (newest first). A study tour is not a training: it is
     * listed apart, with its destination, and never with a certificate.
     */
    public record Record(List<Enrollment> classes, List<Certificate> certificates, Map<Long, List<MarkLine>> marks,
            List<Commendation> commendations, List<TourLine> tours) implements Serializable {

        /** The record of nobody: a new cadre's page. */
        public static final Record EMPTY = new Record(List.of(), List.of(), Map.of(), List.of(), List.of());

        /** The enrollment's attendance marks, with who marked each and when. */
        public List<MarkLine> marksOf(Enrollment e) {
            return marks.getOrDefault(e.getId(), List.of());
        }

        public Certificate certificateOf(Enrollment e) {
            return certificates.stream().filter(c -> c.getEnrollmentId().equals(e.getId())).findFirst().orElse(null);
        }
    }

    /** The signed-in cadre's own record page: them, their positions, their record and what comes next. */
    public record MyRecord(Cadre me, List<Position> positions, Record record, List<ClassSession> upcoming)
            implements Serializable {
    }

    /** The record of a cadre in the caller's scope, in one read (a fixed number of queries however long it is). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Record recordOf(long cadreId) {
        return record(of(cadreId));
    }

    /** The signed-in cadre's record page, in one read. */
    @RolesAllowed(Role.Names.CADRE)
    public MyRecord myRecord() {
        Cadre me = me();
        return new MyRecord(me, positions(me), record(me), upcoming(me));
    }

    private Record record(Cadre who) {
        return new Record(classes(who), certificates(who), marks(who), commendations.of(who), tours.linesOf(who.getId()));
    }

    public List<Position> positions(Cadre who) {
        return em.createQuery("SELECT p FROM Position p JOIN FETCH p.title JOIN FETCH p.unit WHERE p.cadre.id = :c"
                + " ORDER BY p.endDate DESC NULLS FIRST, p.startDate DESC", Position.class)
                .setParameter("c", who.getId()).getResultList();
    }

    /** The classes the cadre had a place in, newest first; study tours are listed apart ({@link Record#tours()}). */
    public List<Enrollment> classes(Cadre who) {
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.courseClass k JOIN FETCH k.course"
                + " WHERE e.cadre.id = :c AND e.status = :s AND k.course.kind <> :tour ORDER BY k.startDate DESC, k.id DESC",
                        Enrollment.class)
                .setHint(QueryHints.FETCH, "e.courseClass.course") // EclipseLink drops a fetch join through an alias
                .setParameter("c", who.getId()).setParameter("s", EnrollmentStatus.ENROLLED)
                .setParameter("tour", ActivityKind.STUDY_TOUR).getResultList();
    }

    /** A study tour as a record says it: "Tham quan học tập kinh nghiệm: Hà Nam, 10/03/2026 – 12/03/2026". */
    public static String tourText(Locale locale, TourLine t) {
        String dates = t.startDate().equals(t.endDate()) ? VietnamTime.DATE.format(t.startDate())
                : VietnamTime.DATE.format(t.startDate()) + " – " + VietnamTime.DATE.format(t.endDate());
        return Bundle.text(locale, "record.tour", t.destination() == null ? t.title() : t.destination(), dates);
    }

    /** One attendance mark on a cadre's record: the session, the status, and who marked it and when. */
    public record MarkLine(LocalDateTime session, AttendanceStatus status, MarkSource source, String byUsername,
            String byName, Instant at) implements Serializable {
        public LocalDateTime getSession() {
            return session;
        }

        public AttendanceStatus getStatus() {
            return status;
        }

        public boolean isByQr() {
            return source == MarkSource.QR;
        }

        /** The marker's name as their account has it now, with the username that marked. */
        public String getBy() {
            return byName == null ? byUsername : byName + " (" + byUsername + ")";
        }

        public Instant getAt() {
            return at;
        }
    }

    /**
     * The cadre's attendance marks per enrollment, in session order, each with who marked it and when (the mark
     * keeps the last marker; earlier changes are in the audit trail). One query for the whole record.
     */
    public Map<Long, List<MarkLine>> marks(Cadre who) {
        List<Object[]> rows = em.createQuery("SELECT m.enrollment.id, s.startsAt, m.status, m.source, m.markedBy,"
                + " m.markedAt, a.displayName FROM AttendanceMark m JOIN m.session s"
                + " LEFT JOIN Account a ON a.username = m.markedBy WHERE m.enrollment.cadre.id = :c"
                + " ORDER BY s.startsAt", Object[].class).setParameter("c", who.getId()).getResultList();
        Map<Long, List<MarkLine>> marks = new HashMap<>();
        for (Object[] r : rows) {
            marks.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new MarkLine((LocalDateTime) r[1],
                    (AttendanceStatus) r[2], (MarkSource) r[3], (String) r[4], (String) r[6], (Instant) r[5]));
        }
        return marks;
    }

    public List<Certificate> certificates(Cadre who) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.cadreId = :c ORDER BY c.issuedOn DESC", Certificate.class)
                .setParameter("c", who.getId()).getResultList();
    }

    /** Sessions to come of the classes the cadre has a place in. */
    public List<ClassSession> upcoming(Cadre who) {
        return em.createQuery("SELECT s FROM ClassSession s JOIN FETCH s.courseClass k JOIN FETCH k.course"
                + " LEFT JOIN FETCH s.venue WHERE s.cancelled = FALSE AND s.endsAt >= :now AND EXISTS (SELECT e FROM"
                + " Enrollment e WHERE e.courseClass = k AND e.cadre.id = :c AND e.status = :s) ORDER BY s.startsAt",
                ClassSession.class)
                .setParameter("now", VietnamTime.now()).setParameter("c", who.getId())
                .setParameter("s", EnrollmentStatus.ENROLLED).setMaxResults(100).getResultList();
    }

    /**
     * The upcoming sessions as an iCalendar file (RFC 5545) that a phone adds to its calendar: times in
     * Vietnam's zone, described by the VTIMEZONE that every TZID must have (§3.2.19; Outlook misplaces events
     * without it), one event per session. UIDs are stable and do not come from the request (a client chooses
     * its Host header), so importing again updates rather than doubles; SEQUENCE follows the session's changes.
     */
    @RolesAllowed(Role.Names.CADRE)
    public void calendar(OutputStream out) {
        Cadre me = me();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Cadre Training//Boi duong can bo co so//VI");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + escape("Lịch học bồi dưỡng"));
        line(ics, "X-WR-TIMEZONE:" + VIETNAM_TZID);
        // Vietnam keeps +07:00 all year (since 1975), no daylight saving: one observance, from and to +07:00,
        // as calendar services write zones without changes (a 1975 change from +08:00 misleads some readers)
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:" + VIETNAM_TZID);
        line(ics, "BEGIN:STANDARD");
        line(ics, "DTSTART:19700101T000000");
        line(ics, "TZOFFSETFROM:+0700");
        line(ics, "TZOFFSETTO:+0700");
        line(ics, "TZNAME:ICT");
        line(ics, "END:STANDARD");
        line(ics, "END:VTIMEZONE");
        String stamp = f.format(LocalDateTime.now(ZoneOffset.UTC)) + "Z";
        String domain = CertificateService.issuerCode().toLowerCase(Locale.ROOT) + ".boiduong.cadre-training";
        for (ClassSession s : upcoming(me)) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:session-" + s.getId() + "@" + domain);
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "SEQUENCE:" + s.getVersion());
            line(ics, "DTSTART;TZID=" + VIETNAM_TZID + ":" + f.format(s.getStartsAt()));
            line(ics, "DTEND;TZID=" + VIETNAM_TZID + ":" + f.format(s.getEndsAt()));
            line(ics, "SUMMARY:" + escape(s.getCourseClass().getCourse().getTitleVi()));
            if (s.getTopic() != null) {
                line(ics, "DESCRIPTION:" + escape(s.getTopic()));
            }
            if (s.getVenue() != null) {
                line(ics, "LOCATION:" + escape(s.getVenue().getName()));
            }
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(ics.toString());
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String VIETNAM_TZID = "Asia/Ho_Chi_Minh";

    /** A content line, folded, ended by CRLF. */
    private static void line(StringBuilder ics, String contentLine) {
        ics.append(fold(contentLine)).append("\r\n");
    }

    /** The transcript: positions, then classes with attendance, outcome and certificate number. */
    public void transcript(Cadre me, Locale locale, OutputStream out) {
        Document doc = OfficialPdf.open(out, false, Bundle.text(locale, "record.transcript"), me.getCode());
        // the province's issuing body (its Ban Dân vận) keeps the training records and issues their extract
        OfficialPdf.header(doc, new OfficialHeading(me.getUnit().root().issuer(), null, null, VietnamTime.today()));
        OfficialPdf.title(doc, Bundle.text(locale, "record.transcript"), me.getFullName() + " (" + me.getCode() + ")");
        OfficialPdf.paragraph(doc, Bundle.text(locale, "cadre.unit") + ": " + me.getUnit().getLabel());
        List<List<String>> positions = new ArrayList<>();
        for (Position p : positions(me)) {
            positions.add(List.of(p.getTitle().name(locale), p.getUnit().getName(), VietnamTime.DATE.format(p.getStartDate())
                    + " – " + (p.getEndDate() == null ? Bundle.text(locale, "cadre.position.now") : VietnamTime.DATE.format(p.getEndDate()))));
        }
        OfficialPdf.table(doc, new float[] {45, 30, 25}, List.of(Bundle.text(locale, "cadre.position.title"),
                Bundle.text(locale, "cadre.position.unit"), Bundle.text(locale, "cadre.position.period")), positions, 0);
        List<Certificate> certs = certificates(me);
        List<Enrollment> taken = transcriptClasses(me);
        Map<Long, int[]> counts = attendanceCounts(me, taken);
        LocalDate today = VietnamTime.today();
        List<List<String>> classes = new ArrayList<>();
        for (Enrollment e : taken) {
            String number = certs.stream().filter(c -> c.getEnrollmentId().equals(e.getId())).map(Certificate::getNumber)
                    .findFirst().orElse("");
            classes.add(List.of(e.getCourseClass().getCourse().title(locale),
                    VietnamTime.DATE.format(e.getCourseClass().getStartDate()) + " – " + VietnamTime.DATE.format(e.getCourseClass().getEndDate()),
                    e.getAttendancePct() == null ? "" : e.getAttendancePct().stripTrailingZeros().toPlainString() + "%",
                    resultText(locale, e, counts.getOrDefault(e.getId(), new int[2]), today), number));
        }
        OfficialPdf.table(doc, new float[] {29, 16, 10, 26, 19}, List.of(Bundle.text(locale, "record.class"),
                Bundle.text(locale, "offer.dates"), Bundle.text(locale, "record.attendance"), Bundle.text(locale, "record.outcome"),
                Bundle.text(locale, "record.certificate")), classes, 0);
        for (TourLine t : tours.linesOf(me.getId())) {
            OfficialPdf.paragraph(doc, tourText(locale, t));
        }
        doc.close();
    }

    /**
     * The classes of the transcript, newest first: those the cadre had a place in, and those left after they had
     * begun (a withdrawal before the first day is a change of plan, not part of the record).
     */
    List<Enrollment> transcriptClasses(Cadre who) {
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.courseClass k JOIN FETCH k.course"
                        + " WHERE e.cadre.id = :c AND e.status IN :s AND k.course.kind <> :tour ORDER BY k.startDate DESC, k.id DESC",
                        Enrollment.class)
                .setHint(QueryHints.FETCH, "e.courseClass.course")
                .setParameter("c", who.getId()).setParameter("s", List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.WITHDRAWN))
                .setParameter("tour", ActivityKind.STUDY_TOUR)
                .getResultStream().filter(e -> e.getStatus() == EnrollmentStatus.ENROLLED || e.getDecidedAt() != null
                        && !LocalDate.ofInstant(e.getDecidedAt(), VietnamTime.ZONE).isBefore(e.getCourseClass().getStartDate()))
                .toList();
    }

    /**
     * Per enrollment, the sessions of its class held so far (not cancelled, begun) and how many of them count as
     * attended by the course's rule (present or late, and excused where the rule says so), as the closing counts.
     */
    private Map<Long, int[]> attendanceCounts(Cadre who, List<Enrollment> taken) {
        Map<Long, int[]> counts = new HashMap<>();
        if (taken.isEmpty()) {
            return counts;
        }
        LocalDateTime now = VietnamTime.now();
        Map<Long, Long> held = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT s.courseClass.id, COUNT(s) FROM ClassSession s WHERE s.cancelled = FALSE"
                        + " AND s.startsAt <= :now AND s.courseClass.id IN :k GROUP BY s.courseClass.id", Object[].class)
                .setParameter("now", now).setParameter("k", taken.stream().map(e -> e.getCourseClass().getId()).distinct().toList())
                .getResultList()) {
            held.put((Long) r[0], (Long) r[1]);
        }
        Map<Long, Enrollment> byId = new HashMap<>();
        for (Enrollment e : taken) {
            byId.put(e.getId(), e);
            counts.put(e.getId(), new int[] {held.getOrDefault(e.getCourseClass().getId(), 0L).intValue(), 0});
        }
        for (Object[] r : em.createQuery("SELECT m.enrollment.id, m.status, COUNT(m) FROM AttendanceMark m"
                        + " WHERE m.enrollment.cadre.id = :c AND m.session.cancelled = FALSE AND m.session.startsAt <= :now"
                        + " GROUP BY m.enrollment.id, m.status", Object[].class)
                .setParameter("c", who.getId()).setParameter("now", now).getResultList()) {
            Enrollment e = byId.get((Long) r[0]);
            AttendanceStatus status = (AttendanceStatus) r[1];
            if (e != null && (status.attended() || status == AttendanceStatus.EXCUSED
                    && e.getCourseClass().getCourse().getRule().isExcusedCounts())) {
                counts.get(e.getId())[1] += ((Long) r[2]).intValue();
            }
        }
        return counts;
    }

    /**
     * What the transcript says of a class: its outcome and, when not completed, why (sessions attended against the
     * share required, the score against the pass mark); for a class without an outcome yet, where it stands.
     *
     * @param counts sessions held so far, and how many of them count as attended
     */
    static String resultText(Locale locale, Enrollment e, int[] counts, LocalDate today) {
        CourseClass cls = e.getCourseClass();
        CompletionRule rule = cls.getCourse().getRule();
        if (e.getStatus() == EnrollmentStatus.WITHDRAWN) {
            return Bundle.text(locale, "record.result.withdrawn",
                    VietnamTime.DATE.format(LocalDate.ofInstant(e.getDecidedAt(), VietnamTime.ZONE)));
        }
        if (e.getOutcome() == Outcome.COMPLETED) {
            return e.getScore() == null ? Bundle.text(locale, "Outcome.COMPLETED")
                    : Bundle.text(locale, "record.result.completedScore", e.getScore().stripTrailingZeros());
        }
        if (e.getOutcome() == Outcome.NOT_COMPLETED) {
            String reason = e.getOutcomeReason() == null ? "" : e.getOutcomeReason();
            return switch (reason) {
                case "result.reason.attendance" -> Bundle.text(locale, "record.result.attendance", counts[1], counts[0],
                        rule.getMinAttendancePct());
                case "result.reason.noScore" -> Bundle.text(locale, "record.result.noScore");
                case "result.reason.score" -> Bundle.text(locale, "record.result.score",
                        e.getScore().stripTrailingZeros(), rule.getPassMark().stripTrailingZeros());
                default -> Bundle.text(locale, "Outcome.NOT_COMPLETED");
            };
        }
        ClassPhase phase = cls.phaseOn(today);
        if ((phase == ClassPhase.RUNNING || phase == ClassPhase.AWAITING_RESULTS) && counts[0] > 0) {
            return Bundle.text(locale, "record.result." + phase, counts[1], counts[0]);
        }
        return Bundle.text(locale, "ClassPhase." + phase);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\r", "\\n").replace("\n", "\\n");
    }

    /** Lines of at most 75 octets, continued with a space (RFC 5545 §3.1), without cutting a character. */
    static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > 74) {
                out.append("\r\n ");
                bytes = 1;
            }
            out.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
