package vn.cadretraining.certification.service;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.cadretraining.audit.service.AuditTrail;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.certification.entity.Certificate;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.enrollment.entity.Outcome;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.files.Issuer;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.files.QrCodes;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * Certificates: issued when a class closes, numbered per issuer and year under a locked counter, printed in
 * the official layout with a QR code to their public verification address, revoked with a reason, and
 * verified by anyone who has the code.
 */
@Stateless
public class CertificateService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    CertificateCounters counters;

    @Inject
    AuditTrail audit;

    /** The issuer's code in numbers ("QN"), from {@code CERT_ISSUER_CODE}. */
    public static String issuerCode() {
        String code = ConfigProvider.getConfig().getOptionalValue("CERT_ISSUER_CODE", String.class)
                .map(String::strip).orElse(Certificate.DEFAULT_ISSUER);
        // it becomes part of every number printed: letters and digits only
        return code.matches("[A-Z0-9]{1,10}") ? code : Certificate.DEFAULT_ISSUER;
    }

    /** Issues the certificates of a class being closed: every completion of a certificate-bearing course. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public int issueFor(CourseClass cls) {
        // a study tour is a visit, not a training: attending it earns no certificate whatever its course's rule says
        if (!cls.getCourse().getRule().isIssuesCertificate() || cls.getCourse().getKind() == ActivityKind.STUDY_TOUR) {
            return 0;
        }
        List<Enrollment> completed = em.createQuery("SELECT e FROM Enrollment e JOIN FETCH e.cadre WHERE e.courseClass = :k"
                        + " AND e.status = :s AND e.outcome = :done AND NOT EXISTS (SELECT c FROM Certificate c"
                        + " WHERE c.enrollmentId = e.id) ORDER BY e.cadre.nameSort", Enrollment.class)
                .setParameter("k", cls).setParameter("s", EnrollmentStatus.ENROLLED).setParameter("done", Outcome.COMPLETED)
                .getResultList();
        if (completed.isEmpty()) {
            return 0;
        }
        LocalDate today = VietnamTime.today();
        String issuer = issuerCode();
        int first = counters.reserve(issuer, today.getYear(), completed.size());
        int n = first;
        for (Enrollment e : completed) {
            em.persist(new Certificate(issuer, today.getYear(), n++, e.getId(), e.getCadre().getId(), cls.getId(),
                    e.getCadre().getFullName(), cls.getCourse().getTitleVi(), cls.getCourse().getHours(), today,
                    cls.getCourse().getRule().getCertificateYears()));
        }
        audit.certificatesIssued(cls.getId());
        return completed.size();
    }

    // ---- reading, with scope ------------------------------------------------------------------------

    /** A certificate the caller may see: their own (cadre), their class's (trainer), their area's, or any. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public Certificate get(long id) {
        Certificate c = em.find(Certificate.class, id);
        if (c == null || !maySee(c)) {
            throw new NotFoundException("certificate");
        }
        return c;
    }

    private boolean maySee(Certificate c) {
        Caller caller = currentUser.get();
        return switch (caller.role()) {
            case ADMIN, PROVINCE -> true;
            case CADRE -> c.getCadreId().equals(caller.cadreId());
            case COORDINATOR -> caller.coversUnitPath(em.find(Cadre.class, c.getCadreId()).getUnitPath());
            case TRAINER -> trains(c.getClassId(), caller);
        };
    }

    private boolean trains(long classId, Caller caller) {
        return em.createQuery("SELECT COUNT(t) FROM CourseClass k JOIN k.trainers t WHERE k.id = :k AND t.accountId = :a",
                Long.class).setParameter("k", classId).setParameter("a", caller.accountId()).getSingleResult() > 0;
    }

    @RolesAllowed(Role.Names.CADRE)
    public List<Certificate> mine() {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.cadreId = :me ORDER BY c.issuedOn DESC", Certificate.class)
                .setParameter("me", currentUser.get().cadreId()).getResultList();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public List<Certificate> ofClass(long classId) {
        Caller caller = currentUser.get();
        CourseClass cls = em.find(CourseClass.class, classId);
        // as for a class's page: a class that does not exist and one outside the caller's reach look the same
        if (cls == null || caller.role() == Role.TRAINER && !trains(classId, caller)
                || caller.role() == Role.COORDINATOR && !CourseClass.isInAreaOf(cls.getUnitPath(), caller.unitPath())) {
            throw new NotFoundException("class");
        }
        // a coordinator's scope as a join on the holder (Derby ran "IN (subquery)" again for every certificate)
        boolean coordinator = caller.role() == Role.COORDINATOR;
        String scope = coordinator ? ", Cadre d WHERE d.id = c.cadreId AND d.unitPath LIKE :scope AND" : " WHERE";
        var q = em.createQuery("SELECT c FROM Certificate c" + scope + " c.classId = :k ORDER BY c.sequence",
                Certificate.class).setParameter("k", classId);
        if (coordinator) {
            q.setParameter("scope", caller.unitPath() + "%");
        }
        return q.getResultList();
    }

    /** Valid certificates whose validity ends within the next months, soonest first (for renewal). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public List<Certificate> expiring(int months, int max) {
        Caller caller = currentUser.get();
        LocalDate today = VietnamTime.today();
        boolean coordinator = caller.role() == Role.COORDINATOR;
        String scope = coordinator ? ", Cadre d WHERE d.id = c.cadreId AND d.unitPath LIKE :scope AND" : " WHERE";
        var q = em.createQuery("SELECT c FROM Certificate c" + scope + " c.status = vn.cadretraining.certification"
                        + ".entity.CertificateStatus.VALID AND c.validUntil >= :today AND c.validUntil <= :until"
                        + " ORDER BY c.validUntil, c.holderName", Certificate.class)
                .setParameter("today", today).setParameter("until", today.plusMonths(months));
        if (coordinator) {
            q.setParameter("scope", caller.unitPath() + "%");
        }
        return q.setMaxResults(max).getResultList();
    }

    /** Revokes with a reason: administrators, and the class's trainers. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
    public Certificate revoke(long id, String reason) {
        Certificate c = get(id);
        c.revoke(reason, currentUser.get().username());
        audit.revoked(c);
        return c;
    }

    // ---- verification (public) ----------------------------------------------------------------------

    /** What anyone with the code may know: the record as issued and its standing today. Nothing else. */
    public record Verification(String number, String holderName, String courseTitle, String hours, LocalDate startDate,
            LocalDate endDate, LocalDate issuedOn, LocalDate validUntil, String standing, LocalDate revokedOn) {
        public String getNumber() {
            return number;
        }

        public String getHolderName() {
            return holderName;
        }

        public String getCourseTitle() {
            return courseTitle;
        }

        public String getHours() {
            return hours;
        }

        public LocalDate getStartDate() {
            return startDate;
        }

        public LocalDate getEndDate() {
            return endDate;
        }

        public LocalDate getIssuedOn() {
            return issuedOn;
        }

        public LocalDate getValidUntil() {
            return validUntil;
        }

        public String getStanding() {
            return standing;
        }

        public LocalDate getRevokedOn() {
            return revokedOn;
        }
    }

    @PermitAll
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[a-z2-9]{26}")) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM Certificate c WHERE c.verifyCode = :code", Certificate.class)
                .setParameter("code", code).getResultStream().findFirst().map(c -> {
                    CourseClass cls = em.find(CourseClass.class, c.getClassId());
                    return new Verification(c.getNumber(), c.getHolderName(), c.getCourseTitle(),
                            c.getHours().stripTrailingZeros().toPlainString(), cls.getStartDate(), cls.getEndDate(),
                            c.getIssuedOn(), c.getValidUntil(), c.standingOn(VietnamTime.today()),
                            c.getRevokedAt() == null ? null : LocalDate.ofInstant(c.getRevokedAt(), VietnamTime.ZONE));
                });
    }

    // ---- files --------------------------------------------------------------------------------------

    /** The certificate as a PDF in the official layout, with the QR code of its verification address. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER, Role.Names.CADRE})
    public void pdf(long id, String publicBase, Locale locale, OutputStream out) {
        write(get(id), publicBase, out);
    }

    /** Every certificate of a class in one ZIP, a PDF each, named by number. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
    public void zip(long classId, String publicBase, OutputStream out) {
        // checked before the first byte: once the ZIP has begun, "not found" can no longer be answered
        List<Certificate> certificates = ofClass(classId);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Certificate c : certificates) {
                zip.putNextEntry(new ZipEntry(c.getNumber() + ".pdf"));
                ByteArrayOutputStream one = new ByteArrayOutputStream();
                write(c, publicBase, one);
                zip.write(one.toByteArray());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The certificate as a province hands it out: A4 landscape in a double frame; room at the top for the emblem;
     * the heading of official papers; the title and the holder's name in large type; the details of the course;
     * at the bottom left the QR code of the verification address, at the bottom right the signer with room for
     * the signature and the red seal over it.
     */
    private void write(Certificate c, String publicBase, OutputStream out) {
        Cadre holder = em.find(Cadre.class, c.getCadreId());
        CourseClass cls = em.find(CourseClass.class, c.getClassId());
        Enrollment enrollment = em.find(Enrollment.class, c.getEnrollmentId());
        Locale vi = Bundle.VIETNAMESE;
        String url = publicBase + "/verify/" + c.getVerifyCode();
        OfficialPdf.Framed framed = OfficialPdf.openFramed(out, Bundle.text(vi, "certificate.pdf.title"), c.getNumber());
        Document doc = framed.doc();
        OfficialPdf.room(doc, EMBLEM_ROOM);
        // the unit that organised the class certifies its completion; the number is the certificate register's
        Issuer issuer = cls.getUnit().issuer();
        OfficialPdf.header(doc, new OfficialHeading(issuer, null, c.getNumber(), c.getIssuedOn()));
        OfficialPdf.large(doc, Bundle.text(vi, "certificate.pdf.title"), TITLE_SIZE, OfficialPdf.CERTIFICATE_RED, 8, 4);
        OfficialPdf.add(doc, OfficialPdf.centered(Bundle.text(vi, "certificate.pdf.certifies"), OfficialPdf.font(BODY_SIZE)));
        OfficialPdf.large(doc, c.getHolderName(), NAME_SIZE, Color.BLACK, 2, 4);
        line(doc, Bundle.text(vi, "certificate.pdf.born"), holder.getBirthDate() == null ? null
                : VietnamTime.DATE.format(holder.getBirthDate()), Bundle.text(vi, "certificate.pdf.unit"),
                holder.getUnit().getLabel().replace(" — ", ", "));
        line(doc, Bundle.text(vi, "certificate.pdf.completed"), c.getCourseTitle());
        line(doc, Bundle.text(vi, "certificate.pdf.class"), cls.getCode(), Bundle.text(vi, "certificate.pdf.period"),
                Bundle.text(vi, "certificate.pdf.periodDetail", VietnamTime.DATE.format(cls.getStartDate()),
                        VietnamTime.DATE.format(cls.getEndDate()), c.getHours().stripTrailingZeros().toPlainString()));
        line(doc, Bundle.text(vi, "certificate.pdf.result"), enrollment == null || enrollment.getScore() == null
                ? Bundle.text(vi, "Outcome.COMPLETED")
                : Bundle.text(vi, "certificate.pdf.resultScore", Bundle.text(vi, "Outcome.COMPLETED"),
                        enrollment.getScore().stripTrailingZeros()));
        Paragraph validity = OfficialPdf.centered(c.getValidUntil() == null ? Bundle.text(vi, "certificate.pdf.forever")
                : Bundle.text(vi, "certificate.pdf.validUntil", VietnamTime.DATE.format(c.getValidUntil())),
                OfficialPdf.font(BODY_SIZE - 1));
        validity.setSpacingBefore(4);
        OfficialPdf.add(doc, validity);
        OfficialPdf.signature(doc, issuer.signerTitle(), null);
        verification(framed, url);
        doc.close();
    }

    private static final float EMBLEM_ROOM = 48;
    private static final float TITLE_SIZE = 30;
    private static final float NAME_SIZE = 24;
    private static final float BODY_SIZE = 13;
    private static final float QR_SIZE = 78;

    /** A centered line of the body: "label: value" pairs, the values in bold; a pair without a value is left out. */
    private static void line(Document doc, String... labelsAndValues) {
        Paragraph p = new Paragraph();
        p.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
        p.setLeading(BODY_SIZE * 1.75f);
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            if (labelsAndValues[i + 1] == null) {
                continue;
            }
            if (!p.isEmpty()) {
                p.add(new Chunk("        ", OfficialPdf.font(BODY_SIZE)));
            }
            p.add(new Chunk(labelsAndValues[i] + ": ", OfficialPdf.font(BODY_SIZE)));
            p.add(new Chunk(labelsAndValues[i + 1], OfficialPdf.bold(BODY_SIZE)));
        }
        OfficialPdf.add(doc, p);
    }

    /** Bottom left, clear of the signature on the right: the QR code, and the address it carries for those who type it. */
    private static void verification(OfficialPdf.Framed framed, String url) {
        Image qr;
        try {
            qr = Image.getInstance(QrCodes.png(url, 300));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        qr.scaleAbsolute(QR_SIZE, QR_SIZE);
        PdfPTable block = new PdfPTable(new float[] {QR_SIZE + 6, 300});
        PdfPCell image = new PdfPCell(qr, false);
        image.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        image.setPadding(0);
        block.addCell(image);
        Paragraph how = new Paragraph(Bundle.text(Bundle.VIETNAMESE, "certificate.pdf.verify"), OfficialPdf.font(8));
        how.setLeading(11);
        Paragraph address = new Paragraph(url, OfficialPdf.font(7));
        address.setLeading(10);
        PdfPCell text = OfficialPdf.plainCell(how, address);
        text.setVerticalAlignment(com.lowagie.text.Element.ALIGN_BOTTOM);
        block.addCell(text);
        Document doc = framed.doc();
        OfficialPdf.placeAt(framed.writer(), block, doc.left(), doc.bottom() + QR_SIZE + 2, QR_SIZE + 6 + 300);
    }
}
