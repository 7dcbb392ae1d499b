package vn.cadretraining.catalog.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import vn.cadretraining.catalog.entity.ClassStatus;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.service.ClassService;
import vn.cadretraining.catalog.service.ReferenceListService;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.PagedModel;

/**
 * The list of classes the caller may see: search, status, dates and subject group, paged and counted in the
 * database. A trainer starts on "my classes".
 */
@Named
@ViewScoped
public class ClassesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClassService classes;

    @Inject
    ReferenceListService references;

    @Inject
    CurrentUser currentUser;

    private String text;
    private ClassStatus status;
    private LocalDate from;
    private LocalDate to;
    private Long subjectGroupId;
    private boolean mine;
    private PagedModel<CourseClass> model;
    private List<SubjectGroup> groups;

    @PostConstruct
    void init() {
        mine = isTrainer();
        model = PagedModel.ofEntities(() -> classes.count(getFilter()), page -> classes.list(getFilter(), page));
        groups = references.subjectGroups(false);
    }

    public ClassService.Filter getFilter() {
        return new ClassService.Filter(text, status, from, to, subjectGroupId, mine && isTrainer());
    }

    public void clear() {
        text = null;
        status = null;
        from = null;
        to = null;
        subjectGroupId = null;
        mine = isTrainer();
    }

    public boolean isTrainer() {
        return currentUser.is(Role.TRAINER);
    }

    /** Administrators and trainers plan classes; reviewers and coordinators read them. */
    public boolean isPlanner() {
        return classes.mayPlan();
    }

    /** The trainers of a row, by name (loaded for the whole page in one batch). */
    public String trainersOf(CourseClass c) {
        return c.getTrainers().stream().map(Trainer::getFullName).sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(", "));
    }

    public ClassStatus[] getStatuses() {
        return ClassStatus.values();
    }

    public List<SubjectGroup> getGroups() {
        return groups;
    }

    public PagedModel<CourseClass> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public ClassStatus getStatus() {
        return status;
    }

    public void setStatus(ClassStatus status) {
        this.status = status;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getSubjectGroupId() {
        return subjectGroupId;
    }

    public void setSubjectGroupId(Long subjectGroupId) {
        this.subjectGroupId = subjectGroupId;
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }
}
