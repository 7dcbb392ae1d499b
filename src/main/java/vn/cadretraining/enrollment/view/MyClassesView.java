package vn.cadretraining.enrollment.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.cadretraining.enrollment.entity.Enrollment;
import vn.cadretraining.enrollment.service.EnrollmentService;

/** The classes a cadre asked for, was sent to, waits for or took part in. */
@Named
@RequestScoped
public class MyClassesView {

    @Inject
    EnrollmentService enrollments;

    private List<Enrollment> list;

    @PostConstruct
    void init() {
        list = enrollments.mine();
    }

    public List<Enrollment> getList() {
        return list;
    }
}
