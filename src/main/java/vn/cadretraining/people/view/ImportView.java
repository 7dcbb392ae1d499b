package vn.cadretraining.people.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import vn.cadretraining.people.service.ImportJob;
import vn.cadretraining.people.service.RosterImportService;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.people.service.transfer.ImportProblem;
import vn.cadretraining.people.service.transfer.ImportRow;
import vn.cadretraining.shared.faces.FriendlyExceptionHandler;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;

/**
 * The import page: upload, progress while the file is read and checked, the preview of every row's
 * problems, the choice to import, progress while it is applied, the result. The job (and the rows read from
 * the file) stays here, on the server, between the preview and the import.
 */
@Named
@ViewScoped
public class ImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RosterImportService imports;

    private ImportJob job;
    private boolean onlyProblems;
    private List<ImportRow> shownRows = List.of();
    /** The job's rows {@link #shownRows} was made from: the preview changes when a check is redone. */
    private List<ImportRow> shownFrom;

    /** The view action: a file the server could not even read, being far over the limit, is refused here. */
    public void arrive() {
        if (FriendlyExceptionHandler.takeOversizeUpload(FacesContext.getCurrentInstance())) {
            Messages.error("primefaces.FileValidator.SIZE_LIMIT");
        }
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        onlyProblems = false;
        try {
            job = imports.upload(file.getFileName(), file.getContent());
        } catch (BusinessException e) {
            job = null;
            Messages.error(e);
        }
        sync();
    }

    /** The poll, while something runs in the background: the page is redrawn from the job. */
    public void poll() {
        sync();
    }

    public void apply() {
        start(false);
    }

    /** Imports the valid rows and skips the others: the person confirmed it. */
    public void applyValid() {
        start(true);
    }

    private void start(boolean skipRowsWithProblems) {
        Actions.attempt(() -> imports.apply(job, skipRowsWithProblems));
    }

    /** Back to choosing a file. */
    public void reset() {
        job = null;
        onlyProblems = false;
        sync();
    }

    public void filterChanged() {
        shownFrom = null;
        sync();
    }

    private void sync() {
        List<ImportRow> rows = job == null ? List.of() : job.getRows();
        if (rows != shownFrom) {
            shownFrom = rows;
            shownRows = onlyProblems ? rows.stream().filter(r -> !r.isValid()).toList() : rows;
        }
    }

    /** A problem in the reader's language, with the column it is about. */
    public String describe(ImportProblem problem) {
        String text = Messages.text(problem.key(), problem.args());
        return problem.column() == null ? text : Messages.text(problem.column().labelKey()) + ": " + text;
    }

    /** Why the file could not be read or imported, in the reader's language. */
    public String getFailure() {
        return job == null || job.getMessageKey() == null ? null : Messages.text(job.getMessageKey(), job.getMessageArgs());
    }

    public String getApplyLabel() {
        return Messages.text("import.apply", job.getValidCount());
    }

    public String getApplyValidLabel() {
        return Messages.text("import.applyValid", job.getValidCount(), job.getProblemCount());
    }

    public String getApplyValidConfirm() {
        return Messages.text("import.applyValid.confirm", job.getValidCount(), job.getProblemCount());
    }

    public StreamedContent getTemplateXlsx() {
        return template(FileFormat.XLSX);
    }

    public StreamedContent getTemplateCsv() {
        return template(FileFormat.CSV);
    }

    private StreamedContent template(FileFormat format) {
        RosterImportService service = imports;
        return DefaultStreamedContent.builder()
                .name("mau-danh-sach-can-bo." + format.extension())
                .contentType(format.contentType())
                .writer(out -> {
                    try {
                        service.template(format, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    // ---- what the page shows ----------------------------------------------------------------------

    /** Choosing a file: nothing uploaded yet, or the last one could not be read. */
    public boolean isChoosing() {
        return job == null || job.getPhase() == ImportJob.Phase.FAILED;
    }

    public boolean isWorking() {
        return job != null && job.isWorking();
    }

    public boolean isReady() {
        return job != null && job.getPhase() == ImportJob.Phase.READY;
    }

    public boolean isDone() {
        return job != null && job.getPhase() == ImportJob.Phase.DONE;
    }

    public ImportJob getJob() {
        return job;
    }

    public List<ImportRow> getShownRows() {
        return shownRows;
    }

    public boolean isOnlyProblems() {
        return onlyProblems;
    }

    public void setOnlyProblems(boolean onlyProblems) {
        this.onlyProblems = onlyProblems;
    }
}
