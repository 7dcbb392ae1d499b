package vn.cadretraining.attendance.service;

import com.lowagie.text.Document;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The paper sign-in sheet of a session, for places without a connection: the enrolled names with room to
 * sign; the trainer enters it afterwards through the grid.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
public class SignInSheet {

    @Inject
    AttendanceService attendance;

    public void pdf(long sessionId, Locale locale, OutputStream out) {
        ClassSession s = attendance.session(sessionId);
        List<AttendanceService.GridRow> rows = attendance.grid(sessionId);
        Document doc = OfficialPdf.open(out, false, Bundle.text(locale, "sheet.title"), s.getCourseClass().getCode());
        // issued by the unit that organises the class, dated the day of the session
        OfficialPdf.header(doc, new OfficialHeading(s.getCourseClass().getUnit().issuer(), null, null, s.getSessionDate()));
        OfficialPdf.title(doc, Bundle.text(locale, "sheet.title"), s.getCourseClass().getCourse().title(locale)
                + " (" + s.getCourseClass().getCode() + ")");
        OfficialPdf.paragraph(doc, Bundle.text(locale, "sheet.session", VietnamTime.DATE.format(s.getSessionDate()),
                s.getStartTime().toString(), s.getEndTime().toString(), s.getTopic() == null ? "" : s.getTopic()));
        List<List<String>> table = new ArrayList<>();
        int n = 1;
        for (AttendanceService.GridRow r : rows) {
            table.add(List.of(String.valueOf(n++), r.cadreName(), r.unitLabel(), "", ""));
        }
        OfficialPdf.table(doc, new float[] {5, 30, 30, 18, 17}, List.of(Bundle.text(locale, "classRoster.no"),
                Bundle.text(locale, "cadre.fullName"), Bundle.text(locale, "cadre.unit"),
                Bundle.text(locale, "classRoster.signature"), Bundle.text(locale, "sheet.note")), table);
        OfficialPdf.signature(doc, Bundle.text(locale, "sheet.signer"), null);
        doc.close();
    }
}
