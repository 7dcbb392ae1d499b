package vn.cadretraining.reporting.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.cadretraining.reporting.service.ProgressRecount;
import vn.cadretraining.reporting.service.Recounter;
import vn.cadretraining.shared.faces.Messages;

/** The administrator's recount of the progress summaries: check them against the records, repair them. */
@Named
@ViewScoped
public class RecountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProgressRecount recount;

    private Recounter.Report report;

    public void check() {
        report = recount.recount(false);
        say();
    }

    public void repair() {
        report = recount.recount(true);
        say();
    }

    private void say() {
        if (report.differences() == 0) {
            Messages.info("recount.none", report.millis());
        } else if (report.repaired()) {
            Messages.info("recount.repaired", report.differences(), report.millis());
        } else {
            Messages.error("recount.found", report.differences(), report.millis());
        }
    }

    public Recounter.Report getReport() {
        return report;
    }
}
