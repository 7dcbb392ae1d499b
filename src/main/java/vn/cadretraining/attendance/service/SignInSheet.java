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

    /** 11 mm in points: a person signs in at least 10 mm. */
    static final float ROW_HEIGHT = 11 * 72 / 25.4f;

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
        // a column wide enough for "STT" in one piece; rows of 11 mm, room for a hand signature
        OfficialPdf.table(doc, new float[] {7, 28, 27, 24, 14}, List.of(Bundle.text(locale, "classRoster.no"),
                Bundle.text(locale, "cadre.fullName"), Bundle.text(locale, "cadre.unit"),
                Bundle.text(locale, "classRoster.signature"), Bundle.text(locale, "sheet.note")), table, ROW_HEIGHT);
        // the trainer signs the sheet as a person: a trainer has no seal, so the official signature block is not used
        OfficialPdf.personalSignature(doc, Bundle.text(locale, "sheet.signer"), Bundle.text(locale, "sheet.signerHint"));
        doc.close();
    }
}
