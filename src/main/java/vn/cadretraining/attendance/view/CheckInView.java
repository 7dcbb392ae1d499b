package vn.cadretraining.attendance.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.cadretraining.attendance.service.AttendanceService;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;

/**
 * Where a scanned QR code leads: the check-in happens when the page opens (after signing in if needed, the
 * sign-in page brings the cadre back here), and the page says how it went.
 */
@Named
@RequestScoped
public class CheckInView {

    @Inject
    AttendanceService attendance;

    private Long s;
    private String c;
    private AttendanceService.CheckInResult result;
    private String problem;

    public void checkIn() {
        if (s == null || c == null) {
            problem = Messages.text("checkin.error.expired");
            return;
        }
        try {
            result = attendance.checkIn(s, c);
        } catch (BusinessException e) {
            problem = Messages.text(e.getMessageKey(), e.getArguments());
        }
    }

    public AttendanceService.CheckInResult getResult() {
        return result;
    }

    public String getProblem() {
        return problem;
    }

    public Long getS() {
        return s;
    }

    public void setS(Long s) {
        this.s = s;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }
}
