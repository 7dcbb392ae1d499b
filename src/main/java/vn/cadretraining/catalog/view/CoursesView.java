package vn.cadretraining.catalog.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.service.CourseService;
import vn.cadretraining.catalog.service.ReferenceListService;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.PagedModel;

/** The catalog of courses: search (with or without diacritics) and filters, paged and counted in the database. */
@Named
@ViewScoped
public class CoursesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CourseService courses;

    @Inject
    ReferenceListService references;

    @Inject
    CurrentUser currentUser;

    private String text;
    private Long subjectGroupId;
    private ActivityKind kind;
    /** Active courses by default: retired ones are for looking back. */
    private Boolean active = Boolean.TRUE;
    private PagedModel<Course> model;
    private List<SubjectGroup> groups;

    @PostConstruct
    void init() {
        model = PagedModel.ofEntities(() -> courses.count(getFilter()), page -> courses.list(getFilter(), page));
        groups = references.subjectGroups(false);
    }

    public CourseService.Filter getFilter() {
        return new CourseService.Filter(text, subjectGroupId, kind, active);
    }

    public void clear() {
        text = null;
        subjectGroupId = null;
        kind = null;
        active = Boolean.TRUE;
    }

    /** Administrators and trainers write the catalog; reviewers and coordinators read it. */
    public boolean isEditor() {
        return currentUser.is(Role.ADMIN) || currentUser.is(Role.TRAINER);
    }

    public ActivityKind[] getKinds() {
        return ActivityKind.values();
    }

    public List<SubjectGroup> getGroups() {
        return groups;
    }

    public PagedModel<Course> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getSubjectGroupId() {
        return subjectGroupId;
    }

    public void setSubjectGroupId(Long subjectGroupId) {
        this.subjectGroupId = subjectGroupId;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public void setKind(ActivityKind kind) {
        this.kind = kind;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }
}
