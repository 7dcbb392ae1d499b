package vn.cadretraining.certification.service;

import com.lowagie.text.Document;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.cadretraining.attendance.entity.AttendanceStatus;
import vn.cadretraining.attendance.entity.MarkSource;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

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

    public List<Position> positions(Cadre who) {
        return em.createQuery("SELECT p FROM Position p JOIN FETCH p.title JOIN FETCH p.unit WHERE p.cadre.id = :c"
                + " ORDER BY p.endDate DESC NULLS FIRST, p.startDate DESC", Position.class)
                .setParameter("c", who.getId()).getResultList();
    }

    /** The classes the cadre had a place in, newest first. */
    public List<Enrollment> classes(Cadre who) {
        return em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.courseClass k JOIN FETCH k.course"
                + " WHERE e.cadre.id = :c AND e.status = :s ORDER BY k.startDate DESC", Enrollment.class)
                .setParameter("c", who.getId()).setParameter("s", EnrollmentStatus.ENROLLED).getResultList();
    }

    /** One attendance mark on a cadre's record: the session, the status, and who marked it and when. */
    public record MarkLine(LocalDateTime session, AttendanceStatus status, MarkSource source, String byUsername,
            String byName, Instant at) implements java.io.Serializable {
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
     * The cadre's attendance marks per enrolment, in session order, each with who marked it and when (the mark
     * keeps the last marker; earlier changes are in the audit trail). Two queries for the whole record.
     */
    public Map<Long, List<MarkLine>> marks(Cadre who) {
        List<Object[]> rows = em.createQuery("SELECT m.enrollment.id, s.startsAt, m.status, m.source, m.markedBy,"
                + " m.markedAt FROM AttendanceMark m JOIN m.session s WHERE m.enrollment.cadre.id = :c"
                + " ORDER BY s.startsAt", Object[].class).setParameter("c", who.getId()).getResultList();
        Map<String, String> names = new HashMap<>();
        List<String> usernames = rows.stream().map(r -> (String) r[4]).filter(java.util.Objects::nonNull).distinct().toList();
        if (!usernames.isEmpty()) {
            for (Object[] a : em.createQuery("SELECT a.username, a.displayName FROM Account a WHERE a.username IN :u",
                    Object[].class).setParameter("u", usernames).getResultList()) {
                names.put((String) a[0], (String) a[1]);
            }
        }
        Map<Long, List<MarkLine>> marks = new HashMap<>();
        for (Object[] r : rows) {
            marks.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new MarkLine((LocalDateTime) r[1],
                    (AttendanceStatus) r[2], (MarkSource) r[3], (String) r[4], names.get((String) r[4]), (Instant) r[5]));
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
     * Vietnam's zone, one event per session, stable UIDs so that importing again updates rather than doubles.
     */
    @RolesAllowed(Role.Names.CADRE)
    public void calendar(OutputStream out, String host) {
        Cadre me = me();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadre Training//VI\r\n"
                + "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Lịch học bồi dưỡng\r\nX-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n");
        String stamp = f.format(LocalDateTime.now(java.time.ZoneOffset.UTC)) + "Z";
        for (ClassSession s : upcoming(me)) {
            ics.append("BEGIN:VEVENT\r\n")
                    .append("UID:session-").append(s.getId()).append('@').append(host).append("\r\n")
                    .append("DTSTAMP:").append(stamp).append("\r\n")
                    .append("DTSTART;TZID=Asia/Ho_Chi_Minh:").append(f.format(s.getStartsAt())).append("\r\n")
                    .append("DTEND;TZID=Asia/Ho_Chi_Minh:").append(f.format(s.getEndsAt())).append("\r\n")
                    .append(fold("SUMMARY:" + escape(s.getCourseClass().getCourse().getTitleVi()))).append("\r\n");
            if (s.getTopic() != null) {
                ics.append(fold("DESCRIPTION:" + escape(s.getTopic()))).append("\r\n");
            }
            if (s.getVenue() != null) {
                ics.append(fold("LOCATION:" + escape(s.getVenue().getName()))).append("\r\n");
            }
            ics.append("END:VEVENT\r\n");
        }
        ics.append("END:VCALENDAR\r\n");
        try {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(ics.toString());
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                Bundle.text(locale, "cadre.position.unit"), Bundle.text(locale, "cadre.position.period")), positions);
        List<Certificate> certs = certificates(me);
        List<List<String>> classes = new ArrayList<>();
        for (Enrollment e : classes(me)) {
            String number = certs.stream().filter(c -> c.getEnrollmentId().equals(e.getId())).map(Certificate::getNumber)
                    .findFirst().orElse("");
            classes.add(List.of(e.getCourseClass().getCourse().title(locale),
                    VietnamTime.DATE.format(e.getCourseClass().getStartDate()) + " – " + VietnamTime.DATE.format(e.getCourseClass().getEndDate()),
                    e.getAttendancePct() == null ? "" : e.getAttendancePct().stripTrailingZeros().toPlainString() + "%",
                    e.getOutcome() == null ? "" : Bundle.text(locale, "Outcome." + e.getOutcome()), number));
        }
        OfficialPdf.table(doc, new float[] {38, 20, 10, 14, 18}, List.of(Bundle.text(locale, "record.class"),
                Bundle.text(locale, "offer.dates"), Bundle.text(locale, "record.attendance"), Bundle.text(locale, "record.outcome"),
                Bundle.text(locale, "record.certificate")), classes);
        doc.close();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
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
