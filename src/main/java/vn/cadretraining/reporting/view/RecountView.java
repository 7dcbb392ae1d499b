package vn.cadretraining.reporting.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.cadretraining.reporting.service.ProgressRecount;
import vn.cadretraining.reporting.service.Recounter;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;

/** The administrator's recount of the progress summaries: check them against the records, repair them. */
@Named
@ViewScoped
public class RecountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProgressRecount recount;

    private Recounter.Report report;

    public void check() {
        run(false);
    }

    public void repair() {
        run(true);
    }

    private void run(boolean repair) {
        try {
            report = recount.recount(repair);
            say();
        } catch (BusinessException e) {
            report = null;
            Messages.error(e);
        }
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
