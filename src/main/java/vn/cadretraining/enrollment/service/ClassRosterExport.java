package vn.cadretraining.enrollment.service;

import com.lowagie.text.Document;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.files.Issuer;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.files.Spreadsheets;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * A class's list of participants as the trainer takes it to the hall: a spreadsheet, or a PDF in the
 * official layout with a column to sign. Only those with a place or on the waitlist are listed; what the
 * caller may see of the class is decided by {@link EnrollmentService#roster}.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.TRAINER})
public class ClassRosterExport {

    @Inject
    EnrollmentService enrollments;

    @PersistenceContext
    EntityManager em;

    /** One line of the list: text in the reader's language, the birth date as a date (or null). */
    record Line(String name, String code, LocalDate birth, String gender, String unit, String titles, String status) {
    }

    public void xlsx(long classId, Locale locale, OutputStream out) {
        CourseClass cls = enrollments.visibleClass(classId);
        List<Line> lines = lines(classId, locale);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Spreadsheets.Styles styles = Spreadsheets.styles(book);
            Sheet sheet = book.createSheet(Spreadsheets.sheetName(Bundle.text(locale, "classRoster.sheet")));
            styles.title(sheet, 0, cls.getCourse().title(locale) + " — " + cls.getCode());
            sheet.createRow(1).createCell(0).setCellValue(VietnamTime.DATE.format(cls.getStartDate()) + " – "
                    + VietnamTime.DATE.format(cls.getEndDate()));
            styles.header(sheet, 3, List.of(headings(locale)));
            int r = 4;
            for (Line l : lines) {
                styles.row(sheet, r, Arrays.asList(r - 3, l.name(), l.code(), l.birth(), l.gender(), l.unit(),
                        l.titles(), l.status()));
                r++;
            }
            int[] widths = {6, 28, 14, 12, 8, 34, 40, 16};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            Spreadsheets.frameAndPrint(sheet, 3, 3);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void pdf(long classId, Locale locale, OutputStream out) {
        CourseClass cls = enrollments.visibleClass(classId);
        List<Line> lines = lines(classId, locale);
        Document doc = OfficialPdf.open(out, true, Bundle.text(locale, "classRoster.pdfTitle"), cls.getCode());
        // the unit that organises the class issues its list (the province's Ban Dân vận, a commune's Đảng ủy)
        Issuer issuer = cls.getUnit().issuer();
        OfficialPdf.header(doc, new OfficialHeading(issuer, null, null, VietnamTime.today()));
        OfficialPdf.title(doc, Bundle.text(locale, "classRoster.pdfTitle"),
                cls.getCourse().title(locale) + " (" + cls.getCode() + "), " + VietnamTime.DATE.format(cls.getStartDate())
                        + " – " + VietnamTime.DATE.format(cls.getEndDate()));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Line l : lines) {
            rows.add(List.of(String.valueOf(n++), l.name(), l.birth() == null ? "" : VietnamTime.DATE.format(l.birth()),
                    l.unit(), l.titles(), l.status(), ""));
        }
        String[] h = headings(locale);
        OfficialPdf.table(doc, new float[] {4, 18, 8, 20, 24, 10, 12},
                List.of(h[0], h[1], h[3], h[5], h[6], h[7], Bundle.text(locale, "classRoster.signature")), rows);
        OfficialPdf.signature(doc, issuer.signerTitle(), null);
        doc.close();
    }

    private String[] headings(Locale locale) {
        return new String[] {Bundle.text(locale, "classRoster.no"), Bundle.text(locale, "cadre.fullName"),
            Bundle.text(locale, "cadre.code"), Bundle.text(locale, "cadre.birthDate"), Bundle.text(locale, "cadre.gender"),
            Bundle.text(locale, "cadre.unit"), Bundle.text(locale, "roster.titlesNow"),
            Bundle.text(locale, "classRoster.status")};
    }

    /** Those with a place, then the waitlist in its order; the titles of all of them in one query. */
    private List<Line> lines(long classId, Locale locale) {
        List<Enrollment> roster = enrollments.roster(classId).stream()
                .filter(e -> e.getStatus() == EnrollmentStatus.ENROLLED || e.getStatus() == EnrollmentStatus.WAITLISTED)
                .toList();
        Map<Long, List<String>> titles = new HashMap<>();
        if (!roster.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT p.cadre.id, p.title.nameVi, p.title.nameEn FROM Position p"
                            + " WHERE p.cadre IN :cs AND p.endDate IS NULL ORDER BY p.title.sortOrder", Object[].class)
                    .setParameter("cs", roster.stream().map(Enrollment::getCadre).toList()).getResultList()) {
                titles.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add((String) ("en".equals(locale.getLanguage()) ? row[2] : row[1]));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Enrollment e : roster) {
            var c = e.getCadre();
            lines.add(new Line(c.getFullName(), c.getCode(),
                    c.getBirthDate(),
                    Bundle.text(locale, "Gender." + c.getGender()), e.getUnit().getLabel(),
                    String.join("; ", titles.getOrDefault(c.getId(), List.of())),
                    Bundle.text(locale, "EnrollmentStatus." + e.getStatus())));
        }
        return lines;
    }
}
