package vn.cadretraining.reporting.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.enrollment.service.EnrollmentService;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.service.ProgressService;
import vn.cadretraining.reporting.service.ProgressService.Untrained;
import vn.cadretraining.reporting.service.ProgressService.UntrainedRow;
import vn.cadretraining.reporting.service.ReportExport;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.faces.PagedModel;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.Language;

/**
 * The holders of a title under a unit who are not trained yet (this year, or in their term): a list paged in
 * the database, exported as files, and acted on: a coordinator (or administrator) nominates those chosen, or
 * the whole list, to an open class, by the enrollment rules (those who cannot go are left out and counted).
 */
@Named
@ViewScoped
public class UntrainedView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProgressService progress;

    @Inject
    ReportExport export;

    @Inject
    EnrollmentService enrollments;

    @Inject
    Language language;

    private Long unit;
    private Integer year;
    private String basis;
    private Long title;
    private Boolean nominator;
    private boolean newlyElected;

    private AdminUnit unitShown;
    private PagedModel<UntrainedRow> model;
    private List<UntrainedRow> selected = new ArrayList<>();
    private List<CourseClass> classes = List.of();
    private List<PositionTitle> titles;
    private Long classId;
    private long total;

    public void load() {
        if (year == null) {
            year = VietnamTime.today().getYear();
        }
        try {
            basis = basis == null || basis.isBlank() ? Basis.YEAR.name() : Basis.valueOf(basis).name();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("basis");
        }
        VietnamTime.checkedYear(year);
        unitShown = progress.visibleUnit(unit);
        if (title != null && progress.title(title).isEmpty()) {
            throw new NotFoundException("title");
        }
        // a tick on another page stands as its id: nominating re-checks each person's scope in the service
        model = new PagedModel<>(() -> total = progress.countUntrained(filter()),
                page -> progress.untrained(filter(), page), UntrainedRow::id)
                .withRowsElsewhere(UntrainedRow::chosen);
        if (isNominator()) {
            classes = progress.openClassesFor(unitShown.getId());
        }
    }

    public Untrained filter() {
        return new Untrained(unitShown.getId(), year, Basis.valueOf(basis), title, newlyElected);
    }

    /** A filter changed: the first page again, nothing chosen. */
    public void refilter() {
        selected = new ArrayList<>();
    }

    /** Nominates those ticked on the list. */
    public void nominateSelected() {
        nominate(selected.stream().map(UntrainedRow::id).toList());
    }

    /** Nominates the whole list (as many as a nomination takes at once). */
    public void nominateAll() {
        nominate(progress.untrainedIds(filter(), 0, EnrollmentService.MAX_NOMINATION));
    }

    private void nominate(List<Long> ids) {
        if (classId == null) {
            Messages.error("untrained.error.noClass");
            return;
        }
        if (ids.isEmpty()) {
            Messages.error("untrained.error.noneChosen");
            return;
        }
        try {
            EnrollmentService.NominationResult r = enrollments.nominate(classId, ids);
            Messages.info("untrained.nominated", r.enrolled(), r.waitlisted(), r.skipped());
            selected = new ArrayList<>();
        } catch (BusinessException e) {
            Messages.error(e);
        } catch (NotFoundException e) {
            Messages.error("untrained.error.classGone");
        }
    }

    /** Nominates: those the enrollment service lets nominate (province reviewers read); asked once per view. */
    public boolean isNominator() {
        if (nominator == null) {
            nominator = enrollments.mayNominate();
        }
        return nominator;
    }

    /** The titles to filter by: read once per view, not at each of the page's evaluations. */
    public List<PositionTitle> getTitles() {
        if (titles == null) {
            titles = progress.titles();
        }
        return titles;
    }

    public String classLabel(CourseClass k) {
        return k.getCourse().title(language.getLocale()) + " — " + k.getCode() + " — "
                + VietnamTime.DATE.format(k.getStartDate()) + " (" + Messages.text("untrained.freePlaces", k.getFreePlaces()) + ")";
    }

    public StreamedContent getXlsx() {
        Untrained f = filter();
        return DefaultStreamedContent.builder()
                .name(fileName() + ".xlsx")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .writer(out -> export.untrainedXlsx(f, language.getLocale(), out))
                .build();
    }

    public StreamedContent getPdf() {
        Untrained f = filter();
        return DefaultStreamedContent.builder()
                .name(fileName() + ".pdf")
                .contentType("application/pdf")
                .writer(out -> export.untrainedPdf(f, language.getLocale(), out))
                .build();
    }

    private String fileName() {
        return "chua-boi-duong-" + year + "-" + unitShown.getCode();
    }

    public AdminUnit getUnitShown() {
        return unitShown;
    }

    public PagedModel<UntrainedRow> getModel() {
        return model;
    }

    public long getTotal() {
        return total;
    }

    public List<UntrainedRow> getSelected() {
        return selected;
    }

    public void setSelected(List<UntrainedRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public List<CourseClass> getClasses() {
        return classes;
    }

    public Long getClassId() {
        return classId;
    }

    public void setClassId(Long classId) {
        this.classId = classId;
    }

    public Long getUnit() {
        return unit;
    }

    public void setUnit(Long unit) {
        this.unit = unit;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    public Long getTitle() {
        return title;
    }

    public void setTitle(Long title) {
        this.title = title;
    }

    public boolean isNewlyElected() {
        return newlyElected;
    }

    public void setNewlyElected(boolean newlyElected) {
        this.newlyElected = newlyElected;
    }
}
